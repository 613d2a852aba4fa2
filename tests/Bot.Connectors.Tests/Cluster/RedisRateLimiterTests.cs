using Bot.Connectors.Cluster;
using Bot.Connectors.Redis;
using Bot.Skills.Engine;
using Bot.TestSupport.Redis;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Cluster;

public sealed class RedisRateLimiterTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly RedisConnection _connection = RedisConnections.Create(redis.Configuration);
    private readonly ResidentKey _resident = new(Channels.WeChat, $"o-{Guid.NewGuid():N}");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task TryAcquireAsync_TwoHostsShareTheCount_RefusesOverLimit()
    {
        // Two limiters stand for two hosts: only Redis can make them agree.
        var hostA = new RedisRateLimiter(_connection, new InProcessRateLimiter(_clock), _clock);
        var hostB = new RedisRateLimiter(_connection, new InProcessRateLimiter(_clock), _clock);

        var results = new[]
        {
            await hostA.TryAcquireAsync(_resident, 3, Minute, CancellationToken.None),
            await hostB.TryAcquireAsync(_resident, 3, Minute, CancellationToken.None),
            await hostA.TryAcquireAsync(_resident, 3, Minute, CancellationToken.None),
            await hostB.TryAcquireAsync(_resident, 3, Minute, CancellationToken.None),
        };

        Assert.Equal([true, true, true, false], results);
    }

    [Fact]
    public async Task TryAcquireAsync_NextWindow_CountsAfreshAndKeyExpires()
    {
        var limiter = new RedisRateLimiter(_connection, new InProcessRateLimiter(_clock), _clock);
        await limiter.TryAcquireAsync(_resident, 1, Minute, CancellationToken.None);
        var index = _clock.GetUtcNow().UtcTicks / Minute.Ticks;
        var ttl = await redis.Database.KeyTimeToLiveAsync(RedisRateLimiter.KeyFor(_resident, index));

        _clock.Advance(Minute);

        Assert.True(await limiter.TryAcquireAsync(_resident, 1, Minute, CancellationToken.None));
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(120));
    }
}
