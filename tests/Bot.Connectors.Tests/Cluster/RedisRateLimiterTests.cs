using Bot.Connectors.Cluster;
using Bot.Connectors.Redis;
using Bot.Skills.Engine;
using Bot.TestSupport.Redis;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Cluster;

public sealed class RedisRateLimiterTests(RedisServerFixture redis) : RedisTestBed(redis), IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task TryAcquireAsync_TwoHostsShareTheCount_RefusesOverLimit()
    {
        // Two limiters stand for two hosts: only Redis can make them agree.
        var hostA = new RedisRateLimiter(Connection, new InProcessRateLimiter(Clock), Clock);
        var hostB = new RedisRateLimiter(Connection, new InProcessRateLimiter(Clock), Clock);

        var results = new[]
        {
            await hostA.TryAcquireAsync(Resident, 3, Minute, CancellationToken.None),
            await hostB.TryAcquireAsync(Resident, 3, Minute, CancellationToken.None),
            await hostA.TryAcquireAsync(Resident, 3, Minute, CancellationToken.None),
            await hostB.TryAcquireAsync(Resident, 3, Minute, CancellationToken.None),
        };

        Assert.Equal([true, true, true, false], results);
    }

    [Fact]
    public async Task TryAcquireAsync_NextWindow_CountsAfreshAndKeyExpires()
    {
        var limiter = new RedisRateLimiter(Connection, new InProcessRateLimiter(Clock), Clock);
        await limiter.TryAcquireAsync(Resident, 1, Minute, CancellationToken.None);
        var index = Clock.GetUtcNow().UtcTicks / Minute.Ticks;
        var ttl = await Redis.Database.KeyTimeToLiveAsync(RedisRateLimiter.KeyFor(Resident, index));

        Clock.Advance(Minute);

        Assert.True(await limiter.TryAcquireAsync(Resident, 1, Minute, CancellationToken.None));
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(120));
    }
}
