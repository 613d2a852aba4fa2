using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Bot.Connectors.Storage;

/// <summary>Creates the schema before anything else starts. Versioned migrations arrive with PostgreSQL.</summary>
internal sealed class DatabaseInitializer(IDbContextFactory<BotDbContext> contexts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        // EnsureCreated leaves an existing database alone; indexes added later are created here (same name as EF's).
        await db.Database.ExecuteSqlRawAsync(
            """CREATE INDEX IF NOT EXISTS "IX_outbox_Channel_UserId_Status" ON outbox ("Channel", "UserId", "Status")""",
            cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
