using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Connectors.Storage.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Connectors.Storage;

/// <summary>
/// Migrates the schema before anything else starts, on SQLite or PostgreSQL (see <see cref="SchemaMigrator"/>).
/// </summary>
internal sealed partial class DatabaseInitializer(IDbContextFactory<BotDbContext> contexts, ILogger<DatabaseInitializer> logger) : IHostedService
{
    /// <summary>The advisory lock key hosts sharing one PostgreSQL database take while they migrate the schema.</summary>
    internal const long SchemaLockKey = 0x4E42_5343_4845_4D41; // "NBSCHEMA"

    /// <summary>
    /// Several hosts may start on one empty database at once: each takes a session advisory lock around the whole
    /// check-baseline-migrate sequence, so one migrates while the others wait and then find nothing pending.
    /// EF Core's own migration lock covers only the apply step, not the baseline of a pre-migration database.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var postgres = db.Database.IsNpgsql();

        // Opened through the runtime context so SQLite's per-connection pragmas run; the migration context shares it.
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({SchemaLockKey})", cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await new SchemaMigrator(logger).MigrateAsync(db, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (postgres)
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({SchemaLockKey})", CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Part of the baseline of a database made before migrations (EnsureCreated, then features added tables): the
    /// create script is replayed with IF NOT EXISTS, so missing tables and indexes appear and existing ones (and
    /// their data) are untouched. Everything after the baseline is a migration.
    /// </summary>
    /// <param name="model">The schema to reach: for a baseline, the baseline migration's model, not today's.</param>
    internal static async Task AddMissingTablesAsync(BotDbContext db, IModel model, CancellationToken cancellationToken)
    {
        // What GenerateCreateScript does, for any model: the create operations from nothing to the model.
        var operations = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());
        var commands = db.GetService<IMigrationsSqlGenerator>().Generate(operations, model);
        var create = string.Join(Environment.NewLine, commands.Select(c => c.CommandText));

        // SQLite quotes every name; Npgsql only those that need it (inbox, but "IX_inbox_Status_Id").
        var script = CreateStatement().Replace(create, "CREATE $1$2 IF NOT EXISTS ");
        await db.Database.ExecuteSqlRawAsync(script, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Part of the baseline: adds the model's columns an existing table lacks (a feature added them after the file was made), with
    /// ALTER TABLE ADD COLUMN. A NOT NULL column gets its type's zero as default, which is what the code
    /// assumes for rows written before it existed. Tables that do not exist yet are left to the create script.
    /// </summary>
    /// <param name="model">The schema to reach: for a baseline, the baseline migration's model, not today's.</param>
    internal static async Task AddMissingColumnsAsync(BotDbContext db, IModel model, CancellationToken cancellationToken)
    {
        foreach (var entity in model.GetEntityTypes())
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

    internal static Task<List<string>> ColumnsOfAsync(BotDbContext db, string table, CancellationToken cancellationToken) =>
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
