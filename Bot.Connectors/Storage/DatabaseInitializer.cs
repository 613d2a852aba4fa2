using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Bot.Connectors.Storage;

/// <summary>
/// Creates the schema before anything else starts, on SQLite or PostgreSQL. Versioned migrations are still to come.
/// </summary>
internal sealed partial class DatabaseInitializer(IDbContextFactory<BotDbContext> contexts) : IHostedService
{
    /// <summary>The advisory lock key hosts sharing one PostgreSQL database take while they create the schema.</summary>
    internal const long SchemaLockKey = 0x4E42_5343_4845_4D41; // "NBSCHEMA"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsNpgsql())
        {
            await InitialisePostgresAsync(db, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false))
        {
            // Columns first: the replayed script may index a column an older file does not have yet.
            await AddMissingColumnsAsync(db, cancellationToken).ConfigureAwait(false);
            await AddMissingTablesAsync(db, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Several hosts may start on one empty database at once: each takes a session advisory lock, so one creates
    /// the schema while the others wait and then find every table there (the IF NOT EXISTS script changes nothing).
    /// </summary>
    private static async Task InitialisePostgresAsync(BotDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({SchemaLockKey})", cancellationToken).ConfigureAwait(false);
            try
            {
                await AddMissingColumnsAsync(db, cancellationToken).ConfigureAwait(false);
                await AddMissingTablesAsync(db, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({SchemaLockKey})", CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// EnsureCreated leaves an existing file alone, so a database made before a feature added its tables would
    /// never get them. Until migrations arrive, the create script is replayed with IF NOT EXISTS: new tables and
    /// indexes appear, existing ones (and their data) are untouched. Changed columns still need a migration.
    /// </summary>
    internal static async Task AddMissingTablesAsync(BotDbContext db, CancellationToken cancellationToken)
    {
        // SQLite quotes every name; Npgsql only those that need it (inbox, but "IX_inbox_Status_Id").
        var script = CreateStatement().Replace(db.Database.GenerateCreateScript(), "CREATE $1$2 IF NOT EXISTS ");
        await db.Database.ExecuteSqlRawAsync(script, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the model's columns an existing table lacks (a feature added them after the file was made), with
    /// ALTER TABLE ADD COLUMN. A NOT NULL column gets its type's zero as default, which is what the code
    /// assumes for rows written before it existed. Tables that do not exist yet are left to the create script.
    /// </summary>
    internal static async Task AddMissingColumnsAsync(BotDbContext db, CancellationToken cancellationToken)
    {
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table)
            {
                continue;
            }

            var existing = await ColumnsOfAsync(db, table, cancellationToken).ConfigureAwait(false);
            if (existing.Count == 0)
            {
                continue;
            }

            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(store);
                if (column is null || existing.Contains(column, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                var type = property.GetColumnType();
                var nullability = property.IsColumnNullable(store) ? "NULL" : $"NOT NULL DEFAULT {ZeroOf(type)}";
                var sql = string.Create(CultureInfo.InvariantCulture, $"ALTER TABLE \"{table}\" ADD COLUMN \"{column}\" {type} {nullability}");
                await db.Database.ExecuteSqlRawAsync(sql, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static Task<List<string>> ColumnsOfAsync(BotDbContext db, string table, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? db.Database.SqlQuery<string>(
                    $"SELECT column_name::text AS \"Value\" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = {table}")
                .ToListAsync(cancellationToken)
            : db.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM pragma_table_info({table})")
                .ToListAsync(cancellationToken);

    private static string ZeroOf(string type) =>
        type.Contains("TEXT", StringComparison.OrdinalIgnoreCase) || type.Contains("CHAR", StringComparison.OrdinalIgnoreCase) ? "''"
        : type.Contains("BLOB", StringComparison.OrdinalIgnoreCase) ? "X''"
        : type.Contains("BYTEA", StringComparison.OrdinalIgnoreCase) ? "''::bytea"
        : type.Contains("BOOL", StringComparison.OrdinalIgnoreCase) ? "FALSE"
        : "0";

    [GeneratedRegex(@"CREATE (UNIQUE )?(TABLE|INDEX) (?!IF NOT EXISTS)", RegexOptions.CultureInvariant)]
    private static partial Regex CreateStatement();
}
