using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Bot.Connectors.Storage.Migrations;

/// <summary>
/// Brings one database to this build's newest migration: a fresh database gets every migration, one made before
/// migrations existed is repaired and baselined first, and one a newer build has migrated is refused.
/// </summary>
/// <remarks>The caller serialises hosts (PostgreSQL advisory lock); this class assumes it runs alone.</remarks>
internal sealed partial class SchemaMigrator(ILogger logger)
{
    /// <summary>
    /// The migration context for <paramref name="runtime"/>'s provider, on <paramref name="runtime"/>'s connection:
    /// the caller's session lock and SQLite's per-connection pragmas then cover the migration too.
    /// </summary>
    public static BotDbContext ContextFor(BotDbContext runtime)
    {
        var connection = runtime.Database.GetDbConnection();
        return runtime.Database.IsNpgsql()
            ? new PostgresMigrationContext(new DbContextOptionsBuilder<PostgresMigrationContext>().UseNpgsql(connection).Options)
            : new SqliteMigrationContext(new DbContextOptionsBuilder<SqliteMigrationContext>().UseSqlite(connection).Options);
    }

    /// <summary>Migrates the database <paramref name="runtime"/> is connected to.</summary>
    public async Task MigrateAsync(BotDbContext runtime, CancellationToken cancellationToken)
    {
        await using (var db = ContextFor(runtime))
        {
            // Decided by the history's rows, not IHistoryRepository.Exists: on a PostgreSQL database EnsureCreated
            // made, Exists answers true, and the baseline would be skipped.
            var known = db.Database.GetMigrations().ToList();
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            if (applied.Count > 0)
            {
                RefuseUnknown(applied, known);
            }
            else if (await HasTablesAsync(db, cancellationToken).ConfigureAwait(false))
            {
                await BaselineAsync(db, db.GetService<IHistoryRepository>(), known[0], cancellationToken).ConfigureAwait(false);
            }
        }

        // A fresh context to apply with, so nothing the history repository read before the baseline is reused.
        await using var apply = ContextFor(runtime);
        var migrator = apply.GetService<IMigrator>();
        foreach (var migration in await apply.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false))
        {
            // One at a time, so the log says how far an upgrade got if a later migration fails.
            await migrator.MigrateAsync(migration, cancellationToken).ConfigureAwait(false);
            LogApplied(logger, migration);
        }
    }

    /// <summary>
    /// A newer build has migrated this database: running against a schema this build does not know could corrupt
    /// data, and migrating down would drop what the newer version added. Only the operator can decide.
    /// </summary>
    private static void RefuseUnknown(List<string> applied, List<string> known)
    {
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database has migration(s) this version does not know: {string.Join(", ", unknown)}. " +
                "A newer version of the bot has upgraded it; start that version, or restore the backup taken before the upgrade. " +
                "Refusing to start rather than downgrade the schema.");
        }
    }

    /// <summary>
    /// A database from before migrations (the schema EnsureCreated made): bring it up to the first migration's
    /// model with the old additive repair, once, then record that migration as applied so only later ones run.
    /// The repair aims at that migration's own model, not today's: a column a later migration adds must still be
    /// missing when that migration runs.
    /// </summary>
    private async Task BaselineAsync(BotDbContext db, IHistoryRepository history, string initial, CancellationToken cancellationToken)
    {
        var assembly = db.GetService<IMigrationsAssembly>();
        var target = assembly.CreateMigration(assembly.Migrations[initial], db.Database.ProviderName!).TargetModel
            ?? throw new InvalidOperationException($"Migration {initial} has no target model.");
        var model = db.GetService<IModelRuntimeInitializer>().Initialize(target);

        // Columns first: the replayed create script may index a column an older database does not have yet.
        await DatabaseInitializer.AddMissingColumnsAsync(db, model, cancellationToken).ConfigureAwait(false);
        await DatabaseInitializer.AddMissingTablesAsync(db, model, cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken).ConfigureAwait(false);
        var row = new HistoryRow(initial, ProductInfo.GetVersion());
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(row), cancellationToken).ConfigureAwait(false);
        LogBaselined(logger, initial);
    }

    private static async Task<bool> HasTablesAsync(BotDbContext db, CancellationToken cancellationToken)
    {
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
            if ((await DatabaseInitializer.ColumnsOfAsync(db, table, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Migration}")]
    private static partial void LogApplied(ILogger logger, string migration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database predates migrations: repaired it and recorded {Migration} as applied")]
    private static partial void LogBaselined(ILogger logger, string migration);
}
