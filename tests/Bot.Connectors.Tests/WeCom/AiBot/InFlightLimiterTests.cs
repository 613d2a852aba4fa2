using Bot.Connectors.WeCom.AiBot;

namespace Bot.Connectors.Tests.WeCom.AiBot;

public sealed class InFlightLimiterTests
{
    [Fact]
    public void TryEnter_AtTheLimit_RefusedUntilOneIsReleased()
    {
        var limiter = new InFlightLimiter();

        Assert.True(Enumerable.Range(0, 3).All(_ => limiter.TryEnter("u", 3)));
        Assert.False(limiter.TryEnter("u", 3));
        Assert.True(limiter.TryEnter("other", 3));
        limiter.Release("u");
        Assert.True(limiter.TryEnter("u", 3));
    }

    [Fact]
    public async Task TryEnter_ManyThreads_NeverMoreThanTheLimitAndNothingLeftAfterwards()
    {
        var limiter = new InFlightLimiter();
        var peak = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 2000), async (_, _) =>
        {
            if (limiter.TryEnter("u", 3))
            {
                var now = limiter.InFlight("u");
                InterlockedMax(ref peak, now);
                await Task.Yield();
                limiter.Release("u");
            }
        });

        Assert.InRange(peak, 1, 3);
        Assert.Equal(0, limiter.InFlight("u"));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
