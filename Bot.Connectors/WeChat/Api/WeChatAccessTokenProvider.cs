using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeChat.Api;

/// <summary>
/// Keeps the access token in memory and lets one fetch run at a time: concurrent callers share it, so a
/// burst of requests or of 40001 answers never turns into a stampede on the token endpoint, which WeChat
/// rate-limits (and force refreshes are capped per day).
/// </summary>
public sealed partial class WeChatAccessTokenProvider(
    IHttpClientFactory httpClientFactory,
    ITokenCache cache,
    IOptions<WeChatOptions> options,
    TimeProvider clock,
    ILogger<WeChatAccessTokenProvider> logger) : IWeChatAccessTokenProvider
{
    public const string HttpClientName = "WeChat.Token";

    private readonly Lock _gate = new();
    private CachedAccessToken? _current;
    private Flight? _flight;

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && !current.NeedsRenewal(clock.GetUtcNow())
            ? ValueTask.FromResult(current.Value)
            : new ValueTask<string>(RenewAsync(current, cancellationToken));
    }

    public async Task<string> RefreshAsync(string staleToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(staleToken);
        while (true)
        {
            Flight flight;
            lock (_gate)
            {
                if (_current is { } current && current.Value != staleToken && !current.IsExpired(clock.GetUtcNow()))
                {
                    return current.Value;
                }

                flight = JoinFlight(staleToken);
            }

            var token = await flight.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (token.Value != staleToken || flight.StaleToken is not null)
            {
                return token.Value;
            }

            // We joined an ordinary renewal that brought back the rejected token; now force a new one.
        }
    }

    private async Task<string> RenewAsync(CachedAccessToken? current, CancellationToken cancellationToken)
    {
        Flight flight;
        lock (_gate)
        {
            flight = JoinFlight(staleToken: null);
        }

        try
        {
            return (await flight.Task.WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested
            && current is not null && !current.IsExpired(clock.GetUtcNow())
            && ex is HttpRequestException or WeChatApiException or TaskCanceledException)
        {
            // Renewal is early on purpose: while the old token still works, a failed renewal costs nothing.
            LogRenewalFailed(ex);
            return current.Value;
        }
    }

    /// <summary>Joins the fetch in progress or starts one. Must be called under <see cref="_gate"/>.</summary>
    private Flight JoinFlight(string? staleToken)
    {
        if (_flight is null || _flight.Task.IsCompleted)
        {
            _flight = new Flight(FlyAsync(staleToken), staleToken);
        }

        return _flight;
    }

    private async Task<CachedAccessToken> FlyAsync(string? staleToken)
    {
        // Started under the gate: yield so none of the fetch (not even its synchronous start) runs inside the lock.
        await Task.Yield();
        var appId = options.Value.AppId;

        // The shared fetch must not be cancelled by whichever caller happened to start it.
        var token = await cache.GetOrFetchAsync(
            appId,
            cached => IsUsable(cached, staleToken),
            ct => FetchAsync(forceRefresh: staleToken is not null, ct),
            CancellationToken.None).ConfigureAwait(false);
        Volatile.Write(ref _current, token);
        return token;
    }

    private bool IsUsable(CachedAccessToken cached, string? staleToken)
    {
        var now = clock.GetUtcNow();
        return staleToken is null ? !cached.NeedsRenewal(now) : cached.Value != staleToken && !cached.IsExpired(now);
    }

    private async Task<CachedAccessToken> FetchAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.HasCredentials)
        {
            throw new InvalidOperationException("WeChat:AppId and WeChat:AppSecret are needed to call the WeChat API.");
        }

        var http = httpClientFactory.CreateClient(HttpClientName);
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
        return CachedAccessToken.Create(body.AccessToken, clock.GetUtcNow(), TimeSpan.FromSeconds(body.ExpiresIn));
    }

    private sealed record Flight(Task<CachedAccessToken> Task, string? StaleToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched a WeChat access token (force refresh: {ForceRefresh}, expires in {ExpiresIn} s)")]
    private partial void LogFetched(bool forceRefresh, int expiresIn);

    [LoggerMessage(Level = LogLevel.Error, Message = "WeChat refused an access token: {ErrCode} {ErrMsg}")]
    private partial void LogFetchFailed(int errCode, string? errMsg);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the WeChat access token early; using the current one until it expires")]
    private partial void LogRenewalFailed(Exception exception);
}
