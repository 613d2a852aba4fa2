using System.Text.Json;
using Bot.Connectors.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Bot.Connectors.WeChat.Api;

/// <summary>
/// Tokens shared by every host on one Redis. A fetch makes the previous token stale for all hosts, so a
/// short lock lets one host fetch while the others wait for its result in the cache.
/// </summary>
/// <remarks>
/// While Redis is down each host keeps its token in <paramref name="fallback"/> and may fetch one of its own.
/// That is safe for the Official Account because it uses <c>POST /cgi-bin/stable_token</c>: in normal mode
/// (force_refresh=false) a repeated call within the token's validity returns the same token, and when the
/// platform renews it the old and new tokens overlap for five minutes, so one host's fetch does not revoke
/// another's. Only a forced refresh (after WeChat rejected a token; capped at 20 a day) revokes the other
/// hosts' token, and they recover by fetching again on their next rejection. WeCom's <c>gettoken</c> likewise
/// returns the current token while it is valid.
/// </remarks>
public sealed partial class RedisTokenCache(RedisConnection redis, ITokenCache fallback, TimeProvider clock, ILogger<RedisTokenCache> logger) : ITokenCache
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
        if (redis.IsAvailable)
        {
            try
            {
                return await GetOrFetchSharedAsync(appId, isUsable, fetch, cancellationToken).ConfigureAwait(false);
            }
            catch (RedisUnavailableException)
            {
                LogFallback(appId);
            }
        }

        return await fallback.GetOrFetchAsync(appId, isUsable, fetch, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CachedAccessToken> GetOrFetchSharedAsync(
        string appId,
        Func<CachedAccessToken, bool> isUsable,
        Func<CancellationToken, Task<CachedAccessToken>> fetch,
        CancellationToken cancellationToken)
    {
        var key = KeyFor(appId);
        var lockKey = key + ":lock";
        var lockValue = Guid.NewGuid().ToString("N");
        var deadline = clock.GetUtcNow() + MaxWait;

        while (true)
        {
            if (await ReadAsync(key, cancellationToken).ConfigureAwait(false) is { } cached && isUsable(cached))
            {
                return cached;
            }

            if (await redis.RunAsync(db => db.StringSetAsync(lockKey, lockValue, LockLease, When.NotExists), cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    // Another host may have stored a token between our read and taking the lock.
                    if (await ReadAsync(key, cancellationToken).ConfigureAwait(false) is { } fresh && isUsable(fresh))
                    {
                        return fresh;
                    }

                    return await FetchAndStoreAsync(appId, key, isUsable, fetch, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await ReleaseAsync(lockKey, lockValue).ConfigureAwait(false);
                }
            }

            if (clock.GetUtcNow() >= deadline)
            {
                // The lock holder is stuck or gone; a second fetch is better than no token at all.
                LogLockWaitTimedOut(appId);
                return await FetchAndStoreAsync(appId, key, isUsable, fetch, cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(PollInterval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReleaseAsync(RedisKey lockKey, string lockValue)
    {
        try
        {
            await redis.RunAsync(db => db.ScriptEvaluateAsync(ReleaseScript, [lockKey], [lockValue]), CancellationToken.None).ConfigureAwait(false);
        }
        catch (RedisUnavailableException)
        {
            // The lock's short lease frees it by itself.
        }
    }

    private async Task<CachedAccessToken> FetchAndStoreAsync(
        string appId,
        RedisKey key,
        Func<CachedAccessToken, bool> isUsable,
        Func<CancellationToken, Task<CachedAccessToken>> fetch,
        CancellationToken cancellationToken)
    {
        var token = await fetch(cancellationToken).ConfigureAwait(false);

        // Kept locally as well: if Redis fails now or later, this host goes on with the token it has.
        await fallback.GetOrFetchAsync(appId, isUsable, _ => Task.FromResult(token), cancellationToken).ConfigureAwait(false);
        var timeToLive = token.ExpiresAt - clock.GetUtcNow();
        if (timeToLive > TimeSpan.Zero)
        {
            var json = JsonSerializer.Serialize(token, WeChatJsonContext.Relaxed.CachedAccessToken);
            try
            {
                await redis.RunAsync(db => db.StringSetAsync(key, json, timeToLive, When.Always), cancellationToken).ConfigureAwait(false);
            }
            catch (RedisUnavailableException)
            {
                // The token was fetched; losing it to a failed store would only cost another fetch.
                LogFallback(appId);
            }
        }

        return token;
    }

    private async Task<CachedAccessToken?> ReadAsync(RedisKey key, CancellationToken cancellationToken)
    {
        var json = await redis.RunAsync(db => db.StringGetAsync(key), cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable; the access token of {AppId} is kept in process")]
    private partial void LogFallback(string appId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring an unreadable access token cached under {Key}")]
    private partial void LogUnreadableToken(Exception exception, string key);
}
