using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage;

/// <summary>Small helpers for the hot-path writes that bypass EF change tracking (its cost dominated a turn).</summary>
internal static class DbCommandExtensions
{
    /// <summary>
    /// Opens the context's connection through EF (so its connection interceptor runs) and begins an ADO.NET
    /// transaction on it; disposing the transaction also closes the connection again.
    /// </summary>
    public static async Task<ClosingTransaction> BeginRawTransactionAsync(this DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await db.Database.GetDbConnection().BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return new ClosingTransaction(db, transaction);
        }
        catch
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A command on <paramref name="transaction"/>'s connection; "@name" parameters suit SQLite and Npgsql alike.</summary>
    public static DbCommand Command(this DbTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}

/// <summary>An ADO.NET transaction that closes its context's connection when disposed (rolled back if not committed).</summary>
internal sealed class ClosingTransaction(DbContext db, DbTransaction transaction) : IAsyncDisposable
{
    public DbCommand Command(string sql) => transaction.Command(sql);

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        await db.Database.CloseConnectionAsync().ConfigureAwait(false);
    }
}
