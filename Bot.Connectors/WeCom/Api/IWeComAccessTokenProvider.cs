namespace Bot.Connectors.WeCom.Api;

/// <summary>Hands out the WeCom app's access token, fetching and renewing it as needed.</summary>
public interface IWeComAccessTokenProvider
{
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Replaces a token WeCom rejected (40001, 40014, 42001); one fetch for many callers.</summary>
    Task<string> RefreshAsync(string staleToken, CancellationToken cancellationToken);
}
