using Bot.Connectors.WeChat.Api;
using Bot.TestSupport.Redis;
using Bot.TestSupport.WeChat;

namespace Bot.Connectors.Tests.WeChat.Api;

/// <summary>
/// Two hosts sharing one real Redis. The wait for another host's fetch is a short real poll, so these
/// tests run on the system clock.
/// </summary>
public sealed class RedisTokenCacheTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly string _appId = $"wx{Guid.NewGuid():N}";
    private FakeWeChatApi _api = null!;
    private WeChatApiHarness _first = null!;
    private WeChatApiHarness _second = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _first = WeChatApiHarness.Create(_api, TimeProvider.System, redis.Configuration, _appId);
        _second = WeChatApiHarness.Create(_api, TimeProvider.System, redis.Configuration, _appId);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task GetTokenAsync_TwoInstancesAtOnce_FetchOnce()
    {
        _api.ResponseDelay = TimeSpan.FromMilliseconds(300);

        var tokens = await Task.WhenAll(
            Task.Run(() => _first.Tokens.GetTokenAsync(CancellationToken.None).AsTask()),
            Task.Run(() => _second.Tokens.GetTokenAsync(CancellationToken.None).AsTask()));

        Assert.Equal(["token-1", "token-1"], tokens);
        Assert.Equal(1, _api.TokenFetches);
    }

    [Fact]
    public async Task GetTokenAsync_SecondInstance_ReadsTokenFromRedisWithExpiry()
    {
        await _first.Tokens.GetTokenAsync(CancellationToken.None);

        var token = await _second.Tokens.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", token);
        Assert.Equal(1, _api.TokenFetches);
        var timeToLive = await redis.Database.KeyTimeToLiveAsync(RedisTokenCache.KeyFor(_appId));
        Assert.InRange(timeToLive!.Value, TimeSpan.FromSeconds(7100), TimeSpan.FromSeconds(7200));
        Assert.False(await redis.Database.KeyExistsAsync(RedisTokenCache.KeyFor(_appId) + ":lock"));
    }

    [Fact]
    public async Task RefreshAsync_BothInstancesReportSameStaleToken_ForceRefreshOnce()
    {
        var stale = await _first.Tokens.GetTokenAsync(CancellationToken.None);
        await _second.Tokens.GetTokenAsync(CancellationToken.None);

        var fromFirst = await _first.Tokens.RefreshAsync(stale, CancellationToken.None);
        var fromSecond = await _second.Tokens.RefreshAsync(stale, CancellationToken.None);

        Assert.Equal("token-2", fromFirst);
        Assert.Equal("token-2", fromSecond);
        Assert.Equal(2, _api.TokenFetches);
        Assert.Equal(1, _api.ForcedTokenFetches);
    }
}
