using Bot.Connectors.WeChat.Api;
using Bot.TestSupport.WeChat;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.WeChat.Api;

public sealed class WeChatAccessTokenProviderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)));
    private FakeWeChatApi _api = null!;
    private WeChatApiHarness _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync(_clock);
        _host = WeChatApiHarness.Create(_api, _clock);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task GetTokenAsync_FirstCall_FetchesOnceWithStableTokenRequest()
    {
        var first = await _host.Tokens.GetTokenAsync(CancellationToken.None);
        var second = await _host.Tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal(first, second);
        var fetch = Assert.Single(_api.CallsTo(FakeWeChatApi.StableTokenPath));
        Assert.Equal("POST", fetch.Method);
        Assert.Equal("client_credential", fetch.Json!["grant_type"]!.GetValue<string>());
        Assert.Equal(WeChatApiHarness.AppId, fetch.Json["appid"]!.GetValue<string>());
        Assert.Equal(WeChatApiHarness.AppSecret, fetch.Json["secret"]!.GetValue<string>());
        Assert.False(fetch.Json["force_refresh"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GetTokenAsync_FiftyConcurrentCallers_FetchOnce()
    {
        _api.ResponseDelay = TimeSpan.FromMilliseconds(100);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => _host.Tokens.GetTokenAsync(CancellationToken.None).AsTask())));

        Assert.All(tokens, token => Assert.Equal("token-1", token));
        Assert.Equal(1, _api.TokenFetches);
    }

    [Fact]
    public async Task GetTokenAsync_BeforeRenewalWindow_ReusesToken()
    {
        await _host.Tokens.GetTokenAsync(CancellationToken.None);

        // 7200 s tokens renew once 10% (12 minutes) is left.
        _clock.Advance(TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(13));
        var token = await _host.Tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", token);
        Assert.Equal(1, _api.TokenFetches);
    }

    [Fact]
    public async Task GetTokenAsync_InsideRenewalWindow_RenewsBeforeExpiry()
    {
        await _host.Tokens.GetTokenAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(4));
        var token = await _host.Tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", token);
        Assert.Equal(2, _api.TokenFetches);
        Assert.Equal(0, _api.ForcedTokenFetches);
    }

    [Fact]
    public async Task GetTokenAsync_RenewalFailsWhileTokenValid_KeepsCurrentToken()
    {
        await _host.Tokens.GetTokenAsync(CancellationToken.None);
        _api.FailNextWithHttp(503, path: FakeWeChatApi.StableTokenPath);

        _clock.Advance(TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(4));
        var token = await _host.Tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", token);
        Assert.Equal(2, _api.TokenFetches);
    }

    [Fact]
    public async Task GetTokenAsync_WeChatRefusesCredentials_ThrowsWeChatApiException()
    {
        _api.ExpectedAppId = "wx-another-app";

        var error = await Assert.ThrowsAsync<WeChatApiException>(() => _host.Tokens.GetTokenAsync(CancellationToken.None).AsTask());

        Assert.Equal(40013, error.ErrCode);
    }

    [Fact]
    public async Task RefreshAsync_TwentyConcurrentCallersWithStaleToken_RefetchOnce()
    {
        var stale = await _host.Tokens.GetTokenAsync(CancellationToken.None);
        _api.ResponseDelay = TimeSpan.FromMilliseconds(100);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => _host.Tokens.RefreshAsync(stale, CancellationToken.None))));

        Assert.All(tokens, token => Assert.Equal("token-2", token));
        Assert.Equal(2, _api.TokenFetches);
        Assert.Equal(1, _api.ForcedTokenFetches);
        Assert.True(_api.CallsTo(FakeWeChatApi.StableTokenPath)[1].Json!["force_refresh"]!.GetValue<bool>());
    }

    [Fact]
    public async Task RefreshAsync_TokenAlreadyReplaced_ReturnsCurrentWithoutFetch()
    {
        var stale = await _host.Tokens.GetTokenAsync(CancellationToken.None);
        await _host.Tokens.RefreshAsync(stale, CancellationToken.None);

        var token = await _host.Tokens.RefreshAsync(stale, CancellationToken.None);

        Assert.Equal("token-2", token);
        Assert.Equal("token-2", await _host.Tokens.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, _api.TokenFetches);
    }
}
