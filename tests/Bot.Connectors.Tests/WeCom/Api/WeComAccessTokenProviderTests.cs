using Bot.Connectors.WeCom.Api;
using Bot.TestSupport.WeCom;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.WeCom.Api;

public sealed class WeComAccessTokenProviderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)));
    private FakeWeComApi _api = null!;
    private WeComApiHarness _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeComApi.StartAsync(_clock);
        _host = WeComApiHarness.Create(_api, _clock);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task GetTokenAsync_FirstCall_FetchesWithCorpIdAndSecret()
    {
        var token = await _host.Tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("wecom-token-1", token);
        var fetch = Assert.Single(_api.CallsTo(FakeWeComApi.TokenPath));
        Assert.Equal("GET", fetch.Method);
        Assert.Equal(WeComApiHarness.CorpId, fetch.Query["corpid"]);
        Assert.Equal(WeComApiHarness.Secret, fetch.Query["corpsecret"]);
    }

    [Fact]
    public async Task GetTokenAsync_FiftyConcurrentCallers_FetchOnce()
    {
        _api.ResponseDelay = TimeSpan.FromMilliseconds(100);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => _host.Tokens.GetTokenAsync(CancellationToken.None).AsTask())));

        Assert.All(tokens, token => Assert.Equal("wecom-token-1", token));
        Assert.Equal(1, _api.TokenFetches);
    }

    [Fact]
    public async Task GetTokenAsync_InsideRenewalWindow_RenewsBeforeExpiry()
    {
        await _host.Tokens.GetTokenAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(7200) - TimeSpan.FromMinutes(4));
        var token = await _host.Tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("wecom-token-2", token);
        Assert.Equal(2, _api.TokenFetches);
    }

    [Fact]
    public async Task SendAppMessageAsync_TokenExpired42001_RefreshesOnceAndDelivers()
    {
        await _host.Tokens.GetTokenAsync(CancellationToken.None);
        _api.ExpireTokens();

        var result = await _host.Client.SendAppMessageAsync(WeComAppMessage.Text(["zhangsan"], "你好"), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(2, _api.TokenFetches);
        var attempts = _api.CallsTo(FakeWeComApi.AppSendPath);
        Assert.Equal(["wecom-token-1", "wecom-token-2"], attempts.Select(c => c.AccessToken));
        Assert.Single(_api.AppSends);
    }

    [Fact]
    public async Task SendAppMessageAsync_TwentyConcurrentWithExpiredToken_RefetchOnce()
    {
        await _host.Tokens.GetTokenAsync(CancellationToken.None);
        _api.ExpireTokens();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            _host.Client.SendAppMessageAsync(WeComAppMessage.Text([$"member-{i}"], "你好"), CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(2, _api.TokenFetches);
    }

    [Fact]
    public async Task SendAppMessageAsync_WrongSecret_ReturnsTokenErrCode()
    {
        _api.ExpectedSecret = "another";

        var result = await _host.Client.SendAppMessageAsync(WeComAppMessage.Text(["zhangsan"], "x"), CancellationToken.None);

        Assert.Equal(40001, result.ErrCode);
        Assert.Empty(_api.CallsTo(FakeWeComApi.AppSendPath));
    }
}
