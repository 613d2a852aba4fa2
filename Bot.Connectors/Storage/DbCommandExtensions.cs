using System.Data.Common;

namespace Bot.Connectors.Storage;

/// <summary>Small helpers for the hot-path writes that bypass EF change tracking (its cost dominated a turn).</summary>
internal static class DbCommandExtensions
{
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
