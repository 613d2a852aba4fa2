using Bot.Connectors.WeCom.Callback;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage;

/// <summary>
/// The WeCom dedupe log in the shared database: a retry is recognised whichever host it reaches, and after a
/// restart. Keys older than <see cref="Retention"/> are pruned now and then by the writes themselves.
/// </summary>
public sealed class WeComMessageLogStore(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock) : IWeComMessageLog
{
    /// <summary>WeCom retries within about 15 s; a day also covers replays of old callbacks within the replay window.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    private const int PruneEvery = 500;
    private int _writes;

    public Task<bool> TryRegisterAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var now = clock.GetUtcNow();
        var prune = Interlocked.Increment(ref _writes) % PruneEvery == 1;
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (prune)
            {
                var cutoff = (now - Retention).ToUnixTimeMilliseconds();
                await db.Database.ExecuteSqlAsync($"""DELETE FROM wecom_messages WHERE "SeenAtMs" < {cutoff}""", cancellationToken).ConfigureAwait(false);
            }

            // ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike): the unique key decides, without an exception.
            var inserted = await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO wecom_messages ("MessageKey", "SeenAtMs") VALUES ({key}, {now.ToUnixTimeMilliseconds()}) ON CONFLICT ("MessageKey") DO NOTHING""",
                cancellationToken).ConfigureAwait(false);
            return inserted == 1;
        }, cancellationToken);
    }

    public Task ForgetAsync(string key, CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM wecom_messages WHERE "MessageKey" = {key}""", cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
