using System.Text.Json;
using Bot.Connectors.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Bot.Connectors.WeChat.Api;

/// <summary>
/// Tokens shared by every host on one Redis. A fetch makes the previous token stale for all hosts, so a
/// short lock lets one host fetch while the others wait for its result in the cache.
/// </summary>
public sealed partial class RedisTokenCache(RedisConnection redis, TimeProvider clock, ILogger<RedisTokenCache> logger) : ITokenCache
{
    /// <summary>Longer than a token fetch can take, so the lock never lapses while its holder is still fetching.</summary>
    internal static readonly TimeSpan LockLease = TimeSpan.FromSeconds(15);

    /// <summary>How long a host waits for another host's fetch before it fetches by itself.</summary>
    internal static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    internal static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private const string ReleaseScript =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    public static string KeyFor(string appId) => $"bot:token:{appId}";

    public async Task<CachedAccessToken> GetOrFetchAsync(
        string appId,
        Func<CachedAccessToken, bool> isUsable,
        Func<CancellationToken, Task<CachedAccessToken>> fetch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isUsable);
        ArgumentNullException.ThrowIfNull(fetch);
        var db = await redis.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var key = KeyFor(appId);
        var lockKey = key + ":lock";
        var lockValue = Guid.NewGuid().ToString("N");
        var deadline = clock.GetUtcNow() + MaxWait;

        while (true)
        {
            if (await ReadAsync(db, key).ConfigureAwait(false) is { } cached && isUsable(cached))
            {
                return cached;
            }

            if (await db.StringSetAsync(lockKey, lockValue, LockLease, When.NotExists).ConfigureAwait(false))
            {
                try
                {
                    // Another host may have stored a token between our read and taking the lock.
                    if (await ReadAsync(db, key).ConfigureAwait(false) is { } fresh && isUsable(fresh))
                    {
                        return fresh;
                    }

                    return await FetchAndStoreAsync(db, key, fetch, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await db.ScriptEvaluateAsync(ReleaseScript, [lockKey], [lockValue]).ConfigureAwait(false);
                }
            }

            if (clock.GetUtcNow() >= deadline)
            {
                // The lock holder is stuck or gone; a second fetch is better than no token at all.
                LogLockWaitTimedOut(appId);
                return await FetchAndStoreAsync(db, key, fetch, cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(PollInterval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CachedAccessToken> FetchAndStoreAsync(
        IDatabase db,
        RedisKey key,
        Func<CancellationToken, Task<CachedAccessToken>> fetch,
        CancellationToken cancellationToken)
    {
        var token = await fetch(cancellationToken).ConfigureAwait(false);
        var timeToLive = token.ExpiresAt - clock.GetUtcNow();
        if (timeToLive > TimeSpan.Zero)
        {
            var json = JsonSerializer.Serialize(token, WeChatJsonContext.Relaxed.CachedAccessToken);
            await db.StringSetAsync(key, json, timeToLive, When.Always).ConfigureAwait(false);
        }

        return token;
    }

    private async Task<CachedAccessToken?> ReadAsync(IDatabase db, RedisKey key)
    {
        var json = await db.StringGetAsync(key).ConfigureAwait(false);
        if (json.IsNullOrEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize((string)json!, WeChatJsonContext.Relaxed.CachedAccessToken);
        }
        catch (JsonException ex)
        {
            // A value written by an incompatible version is treated as absent and overwritten by the next fetch.
            LogUnreadableToken(ex, (string)key!);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waited too long for another host to fetch the access token of {AppId}; fetching it here")]
    private partial void LogLockWaitTimedOut(string appId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring an unreadable access token cached under {Key}")]
    private partial void LogUnreadableToken(Exception exception, string key);
}
