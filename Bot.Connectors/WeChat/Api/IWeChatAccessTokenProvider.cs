namespace Bot.Connectors.WeChat.Api;

/// <summary>Hands out the Official Account's access token, fetching and renewing it as needed.</summary>
public interface IWeChatAccessTokenProvider
{
    /// <summary>The current token; fetched when there is none and renewed shortly before it expires.</summary>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a token WeChat rejected (40001, 40014, 42001). Only refetches while the cached token is still
    /// <paramref name="staleToken"/>, so many callers reporting the same stale token cause one fetch.
    /// </summary>
    Task<string> RefreshAsync(string staleToken, CancellationToken cancellationToken);
}
