using System.Collections.Concurrent;

namespace Bot.Connectors.WeChat.Api;

/// <summary>
/// Tokens for a single host. The provider already lets only one fetch run at a time, so this needs no
/// lock of its own.
/// </summary>
public sealed class InMemoryTokenCache : ITokenCache
{
    private readonly ConcurrentDictionary<string, CachedAccessToken> _tokens = new(StringComparer.Ordinal);

    public async Task<CachedAccessToken> GetOrFetchAsync(
        string appId,
        Func<CachedAccessToken, bool> isUsable,
        Func<CancellationToken, Task<CachedAccessToken>> fetch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isUsable);
        ArgumentNullException.ThrowIfNull(fetch);
        if (_tokens.TryGetValue(appId, out var cached) && isUsable(cached))
        {
            return cached;
        }

        var fetched = await fetch(cancellationToken).ConfigureAwait(false);
        _tokens[appId] = fetched;
        return fetched;
    }
}
