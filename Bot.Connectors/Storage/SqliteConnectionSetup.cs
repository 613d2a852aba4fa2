using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Bot.Connectors.Storage;

/// <summary>
/// Per-connection SQLite settings. WAL lets readers run beside the writer; synchronous=NORMAL in WAL mode
/// survives a process crash (only a power cut may lose the last commits), which is what a restart needs.
/// </summary>
/// <remarks>
/// The settings belong to the native connection, which Microsoft.Data.Sqlite pools and reuses across many
/// opens; running the pragmas on every open cost about 8% of a message's CPU, so they run once per native
/// handle. The table holds handles weakly: a handle the pool drops takes its entry with it, and a new
/// handle is set up again.
/// </remarks>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";

    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsFirstUse(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsFirstUse(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True the first time this native handle is seen (or when the handle cannot be told apart).</summary>
    private bool IsFirstUse(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, this);
}
