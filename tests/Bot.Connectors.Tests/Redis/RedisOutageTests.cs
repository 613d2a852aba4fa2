using Bot.Connectors.Cluster;
using Bot.Connectors.Redis;
using Bot.Connectors.State;
using Bot.Connectors.WeChat.Api;
using Bot.Skills.Engine;
using Bot.TestSupport.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Redis;

/// <summary>
/// Every Redis user against a real redis-server that is killed mid-test: each takes its documented fallback.
/// Each test gets its own server, because stopping a shared one would break the other tests.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private const int RetryAfterMs = 5000;

    private readonly RedisServerFixture _redis = new() { Stoppable = true };
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly ResidentKey _resident = new(Channels.WeChat, "o-outage");
    private RedisConnection _connection = null!;

    public async Task InitializeAsync()
    {
        await _redis.StartAsync();
        _connection = RedisConnections.Create(_redis.Configuration, _clock, RetryAfterMs);

        // Connected while Redis is up, as a running host would be.
        await _connection.RunAsync(db => db.PingAsync(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_ServerStopped_ThrowsUnavailableThenFailsFastWhileCircuitOpen()
    {
        await _redis.StopServerAsync();

        await Assert.ThrowsAsync<RedisUnavailableException>(() => _connection.RunAsync(db => db.PingAsync(), CancellationToken.None));
        var started = DateTime.UtcNow;
        await Assert.ThrowsAsync<RedisUnavailableException>(() => _connection.RunAsync(db => db.PingAsync(), CancellationToken.None));

        Assert.False(_connection.IsAvailable);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMilliseconds(200), "an open circuit must not wait for Redis");
    }

    [Fact]
    public async Task RunAsync_ServerBackAfterRetryPause_SucceedsAndClosesCircuit()
    {
        await _redis.StopServerAsync();
        await Assert.ThrowsAsync<RedisUnavailableException>(() => _connection.RunAsync(db => db.PingAsync(), CancellationToken.None));
        await _redis.RestartServerAsync();

        _clock.Advance(TimeSpan.FromMilliseconds(RetryAfterMs));
        var stop = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        var answered = false;
        while (!answered && DateTime.UtcNow < stop)
        {
            try
            {
                // The multiplexer reconnects in the background; until then a probe may still fail.
                await _connection.RunAsync(db => db.StringSetAsync("bot:probe", "1"), CancellationToken.None);
                answered = true;
            }
            catch (RedisUnavailableException)
            {
                await Task.Delay(100);
                _clock.Advance(TimeSpan.FromMilliseconds(RetryAfterMs));
            }
        }

        Assert.True(answered);
        Assert.True(_connection.IsAvailable);
    }

    [Fact]
    public async Task StateStore_ServerStopped_ThrowsConversationStateUnavailable()
    {
        var store = new RedisConversationStateStore(_connection);
        await _redis.StopServerAsync();

        await Assert.ThrowsAsync<ConversationStateUnavailableException>(() => store.GetAsync(_resident, CancellationToken.None));
        await Assert.ThrowsAsync<ConversationStateUnavailableException>(() => store.SaveAsync(_resident, new ConversationState(), TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task DeliveryGate_ServerStopped_SkipsTheGate()
    {
        var gate = new DeliveryGate(_connection, Options.Create(new IntakeOptions()), NullLogger<DeliveryGate>.Instance);
        await _redis.StopServerAsync();

        Assert.Equal(DeliveryMark.Skipped, await gate.TryMarkAsync(Channels.WeChat, "k-1", CancellationToken.None));
        Assert.Equal(DeliveryMark.Skipped, await gate.TryMarkAsync(Channels.WeChat, "k-1", CancellationToken.None));
    }

    [Fact]
    public async Task RateLimiter_ServerStopped_CountsInProcess()
    {
        var limiter = new RedisRateLimiter(_connection, new InProcessRateLimiter(_clock), _clock);
        await _redis.StopServerAsync();

        var first = await limiter.TryAcquireAsync(_resident, 1, TimeSpan.FromMinutes(1), CancellationToken.None);
        var second = await limiter.TryAcquireAsync(_resident, 1, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task ResidentLock_ServerStoppedOnSqlite_FallsBackToInProcess()
    {
        var redisLock = new RedisResidentLock(_connection, Options.Create(new IntakeOptions()), _clock, NullLogger<RedisResidentLock>.Instance);
        var residentLock = new ClusterResidentLock(_connection, redisLock, postgresLock: null, NullLogger<ClusterResidentLock>.Instance);
        await _redis.StopServerAsync();

        await using var held = await residentLock.TryAcquireAsync(_resident, CancellationToken.None);

        Assert.NotNull(held);
    }

    [Fact]
    public async Task TokenCache_ServerStopped_FetchesOnceIntoProcessCache()
    {
        var cache = new RedisTokenCache(_connection, new InMemoryTokenCache(), _clock, NullLogger<RedisTokenCache>.Instance);
        var fetches = 0;
        await _redis.StopServerAsync();

        Task<CachedAccessToken> FetchAsync(CancellationToken _)
        {
            fetches++;
            return Task.FromResult(CachedAccessToken.Create("token-1", _clock.GetUtcNow(), TimeSpan.FromHours(2)));
        }

        var first = await cache.GetOrFetchAsync("wx-app", _ => true, FetchAsync, CancellationToken.None);
        var second = await cache.GetOrFetchAsync("wx-app", _ => true, FetchAsync, CancellationToken.None);

        Assert.Equal("token-1", first.Value);
        Assert.Equal("token-1", second.Value);
        Assert.Equal(1, fetches);
    }
}
