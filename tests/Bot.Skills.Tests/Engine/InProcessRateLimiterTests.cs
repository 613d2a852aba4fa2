using Bot.Skills.Engine;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Skills.Tests.Engine;

public sealed class InProcessRateLimiterTests
{
    private static readonly ResidentKey Resident = new("wechat", "o-rate");
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TryAcquireAsync_OverLimitWithinWindow_Refuses()
    {
        var limiter = new InProcessRateLimiter(_clock);

        var results = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(await limiter.TryAcquireAsync(Resident, 3, Minute, CancellationToken.None));
        }

        Assert.Equal([true, true, true, false], results);
    }

    [Fact]
    public async Task TryAcquireAsync_NextWindow_CountsAfresh()
    {
        var limiter = new InProcessRateLimiter(_clock);
        await limiter.TryAcquireAsync(Resident, 1, Minute, CancellationToken.None);
        Assert.False(await limiter.TryAcquireAsync(Resident, 1, Minute, CancellationToken.None));

        _clock.Advance(Minute);

        Assert.True(await limiter.TryAcquireAsync(Resident, 1, Minute, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_OtherResident_HasOwnCount()
    {
        var limiter = new InProcessRateLimiter(_clock);
        await limiter.TryAcquireAsync(Resident, 1, Minute, CancellationToken.None);

        Assert.True(await limiter.TryAcquireAsync(Resident with { UserId = "o-other" }, 1, Minute, CancellationToken.None));
    }
}
