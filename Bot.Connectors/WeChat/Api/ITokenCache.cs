namespace Bot.Connectors.WeChat.Api;

/// <summary>Where access tokens live, shared by every host that uses the same cache.</summary>
public interface ITokenCache
{
    /// <summary>
    /// Returns the cached token for <paramref name="appId"/> when <paramref name="isUsable"/> accepts it;
    /// otherwise runs <paramref name="fetch"/> — by one host at a time among those sharing the cache — and
    /// stores what it returns until the token expires.
    /// </summary>
    Task<CachedAccessToken> GetOrFetchAsync(
        string appId,
        Func<CachedAccessToken, bool> isUsable,
        Func<CancellationToken, Task<CachedAccessToken>> fetch,
        CancellationToken cancellationToken);
}
