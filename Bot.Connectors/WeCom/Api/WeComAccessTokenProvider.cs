using Bot.Connectors.WeChat.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeCom.Api;

/// <summary>
/// The app's token from <c>/cgi-bin/gettoken</c>, fetched one at a time and cached per CorpId and AgentId
/// (each app of a corp has its own secret and token).
/// </summary>
public sealed partial class WeComAccessTokenProvider : IWeComAccessTokenProvider
{
    public const string HttpClientName = "WeCom.Token";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<WeComOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<WeComAccessTokenProvider> _logger;
    private readonly SingleFlightTokenSource _source;

    public WeComAccessTokenProvider(
        IHttpClientFactory httpClientFactory,
        ITokenCache cache,
        IOptions<WeComOptions> options,
        TimeProvider clock,
        ILogger<WeComAccessTokenProvider> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _clock = clock;
        _logger = logger;
        var key = $"wecom:{options.Value.CorpId}:{options.Value.AgentId}";
        _source = new SingleFlightTokenSource(cache, key, FetchAsync, clock, LogRenewalFailed);
    }

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => _source.GetTokenAsync(cancellationToken);

    public Task<string> RefreshAsync(string staleToken, CancellationToken cancellationToken) =>
        _source.RefreshAsync(staleToken, cancellationToken);

    // gettoken has no force-refresh flag: a plain fetch after a rejection already returns a working token.
    private async Task<CachedAccessToken> FetchAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var settings = _options.Value;
        if (!settings.HasCredentials)
        {
            throw new InvalidOperationException("WeCom:CorpId and WeCom:Secret are needed to call the WeCom API.");
        }

        var uri = new Uri($"{settings.ApiBaseUrl.TrimEnd('/')}/cgi-bin/gettoken?corpid={Uri.EscapeDataString(settings.CorpId)}&corpsecret={Uri.EscapeDataString(settings.Secret)}");
        var body = await WeChatHttp.GetAsync(_httpClientFactory.CreateClient(HttpClientName), uri, WeComJsonContext.Relaxed.TokenResponse, cancellationToken)
            .ConfigureAwait(false);
        if (body.ErrCode != 0 || string.IsNullOrEmpty(body.AccessToken) || body.ExpiresIn <= 0)
        {
            LogFetchFailed(body.ErrCode, body.ErrMsg);
            throw new WeChatApiException(body.ErrCode, body.ErrMsg ?? "no access_token in the answer");
        }

        LogFetched(forceRefresh, body.ExpiresIn);
        return CachedAccessToken.Create(body.AccessToken, _clock.GetUtcNow(), TimeSpan.FromSeconds(body.ExpiresIn));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched a WeCom access token (after rejection: {AfterRejection}, expires in {ExpiresIn} s)")]
    private partial void LogFetched(bool afterRejection, int expiresIn);

    [LoggerMessage(Level = LogLevel.Error, Message = "WeCom refused an access token: {ErrCode} {ErrMsg}")]
    private partial void LogFetchFailed(int errCode, string? errMsg);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the WeCom access token early; using the current one until it expires")]
    private partial void LogRenewalFailed(Exception exception);
}
