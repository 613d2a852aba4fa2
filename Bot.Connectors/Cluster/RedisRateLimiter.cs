using Bot.Connectors.Redis;
using Bot.Skills.Engine;
using StackExchange.Redis;

namespace Bot.Connectors.Cluster;

/// <summary>
/// A fixed one-window counter per resident shared by every host, in one round trip (INCR and, on the first
/// message of the window, PEXPIRE). While Redis is down each host counts in process instead.
/// </summary>
public sealed class RedisRateLimiter(RedisConnection redis, InProcessRateLimiter fallback, TimeProvider clock) : IResidentRateLimiter
{
    private const string CountScript =
        "local n = redis.call('incr', KEYS[1]) if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end return n";

    public static string KeyFor(ResidentKey resident, long window) => $"bot:rate:{resident.Channel}:{resident.UserId}:{window}";

    public async Task<bool> TryAcquireAsync(ResidentKey resident, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        if (!redis.IsAvailable)
        {
            return await fallback.TryAcquireAsync(resident, limit, window, cancellationToken).ConfigureAwait(false);
        }

        // The window's number is part of the key, so hosts agree on windows by the clock, not by who came first.
        var index = clock.GetUtcNow().UtcTicks / window.Ticks;
        RedisKey key = KeyFor(resident, index);

        // Twice the window: the key outlives clock skew between hosts, and then expires by itself.
        var expiryMs = (long)(window.TotalMilliseconds * 2);
        try
        {
            var count = await redis.RunAsync(db => db.ScriptEvaluateAsync(CountScript, [key], [expiryMs]), cancellationToken).ConfigureAwait(false);
            return (long)count <= limit;
        }
        catch (RedisUnavailableException)
        {
            return await fallback.TryAcquireAsync(resident, limit, window, cancellationToken).ConfigureAwait(false);
        }
    }
}
