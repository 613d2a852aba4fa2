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
}
