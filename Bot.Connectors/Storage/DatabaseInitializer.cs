using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Bot.Connectors.Storage;

/// <summary>Creates the schema before anything else starts. Versioned migrations arrive with PostgreSQL.</summary>
internal sealed class DatabaseInitializer(IDbContextFactory<BotDbContext> contexts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false))
        {
            // Columns first: the replayed script may index a column an older file does not have yet.
            await AddMissingColumnsAsync(db, cancellationToken).ConfigureAwait(false);
            await AddMissingTablesAsync(db, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// EnsureCreated leaves an existing file alone, so a database made before a feature added its tables would
    /// never get them. Until migrations arrive, the create script is replayed with IF NOT EXISTS: new tables and
    /// indexes appear, existing ones (and their data) are untouched. Changed columns still need a migration.
    /// </summary>
    internal static async Task AddMissingTablesAsync(BotDbContext db, CancellationToken cancellationToken)
    {
        var script = db.Database.GenerateCreateScript()
            .Replace("CREATE TABLE \"", "CREATE TABLE IF NOT EXISTS \"", StringComparison.Ordinal)
            .Replace("CREATE UNIQUE INDEX \"", "CREATE UNIQUE INDEX IF NOT EXISTS \"", StringComparison.Ordinal)
            .Replace("CREATE INDEX \"", "CREATE INDEX IF NOT EXISTS \"", StringComparison.Ordinal);
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

            var existing = await db.Database
                .SqlQuery<string>($"SELECT name AS \"Value\" FROM pragma_table_info({table})")
                .ToListAsync(cancellationToken).ConfigureAwait(false);
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

    private static string ZeroOf(string type) =>
        type.Contains("TEXT", StringComparison.OrdinalIgnoreCase) ? "''"
        : type.Contains("BLOB", StringComparison.OrdinalIgnoreCase) ? "X''"
        : "0";
}
