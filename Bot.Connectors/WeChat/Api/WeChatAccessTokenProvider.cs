using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeChat.Api;

/// <summary>
/// The Official Account's access token (stable_token), fetched one at a time by
/// <see cref="SingleFlightTokenSource"/>; WeChat caps forced refreshes per day.
/// </summary>
public sealed partial class WeChatAccessTokenProvider : IWeChatAccessTokenProvider
{
    public const string HttpClientName = "WeChat.Token";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<WeChatOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<WeChatAccessTokenProvider> _logger;
    private readonly SingleFlightTokenSource _source;

    public WeChatAccessTokenProvider(
        IHttpClientFactory httpClientFactory,
        ITokenCache cache,
        IOptions<WeChatOptions> options,
        TimeProvider clock,
        ILogger<WeChatAccessTokenProvider> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _clock = clock;
        _logger = logger;
        _source = new SingleFlightTokenSource(cache, options.Value.AppId, FetchAsync, clock, LogRenewalFailed);
    }

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => _source.GetTokenAsync(cancellationToken);

    public Task<string> RefreshAsync(string staleToken, CancellationToken cancellationToken) =>
        _source.RefreshAsync(staleToken, cancellationToken);

    private async Task<CachedAccessToken> FetchAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var settings = _options.Value;
        if (!settings.HasCredentials)
        {
            throw new InvalidOperationException("WeChat:AppId and WeChat:AppSecret are needed to call the WeChat API.");
        }

        var http = _httpClientFactory.CreateClient(HttpClientName);
        var request = new StableTokenRequest("client_credential", settings.AppId, settings.AppSecret, forceRefresh);
        var uri = new Uri(settings.ApiBaseUrl.TrimEnd('/') + "/cgi-bin/stable_token");
        var json = WeChatJsonContext.Relaxed;
        var body = await WeChatHttp.PostAsync(http, uri, request, json.StableTokenRequest, json.TokenResponse, cancellationToken)
            .ConfigureAwait(false);
        if (body.ErrCode != 0 || string.IsNullOrEmpty(body.AccessToken) || body.ExpiresIn <= 0)
        {
            LogFetchFailed(body.ErrCode, body.ErrMsg);
            throw new WeChatApiException(body.ErrCode, body.ErrMsg ?? "no access_token in the answer");
        }

        LogFetched(forceRefresh, body.ExpiresIn);
        return CachedAccessToken.Create(body.AccessToken, _clock.GetUtcNow(), TimeSpan.FromSeconds(body.ExpiresIn));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched a WeChat access token (force refresh: {ForceRefresh}, expires in {ExpiresIn} s)")]
    private partial void LogFetched(bool forceRefresh, int expiresIn);

    [LoggerMessage(Level = LogLevel.Error, Message = "WeChat refused an access token: {ErrCode} {ErrMsg}")]
    private partial void LogFetchFailed(int errCode, string? errMsg);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the WeChat access token early; using the current one until it expires")]
    private partial void LogRenewalFailed(Exception exception);
}
