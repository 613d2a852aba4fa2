using Bot.Skills.Engine;

namespace Bot.Skills.Tests.Engine;

public sealed class ResidentTurnQueueTests
{
    [Fact]
    public async Task EnqueueAsync_SameResident_RunsOneAtATimeInArrivalOrder()
    {
        var queue = new ResidentTurnQueue();
        var resident = new ResidentKey("test", "r1");
        var order = new List<int>();
        var running = 0;
        var maxRunning = 0;
        var gate = new TaskCompletionSource();

        var tasks = Enumerable.Range(0, 20).Select(i => queue.EnqueueAsync(resident, async () =>
        {
            var now = Interlocked.Increment(ref running);
            maxRunning = Math.Max(maxRunning, now);
            if (i == 0)
            {
                await gate.Task; // The first turn blocks; later ones must wait behind it.
            }

            await Task.Yield();
            lock (order)
            {
                order.Add(i);
            }

            Interlocked.Decrement(ref running);
            return i;
        })).ToList();

        Assert.Empty(order);
        gate.SetResult();
        await Task.WhenAll(tasks);

        Assert.Equal(Enumerable.Range(0, 20), order);
        Assert.Equal(1, maxRunning);
        Assert.Equal(0, queue.ActiveResidents);
    }

    [Fact]
    public async Task EnqueueAsync_DifferentResidents_RunInParallel()
    {
        var queue = new ResidentTurnQueue();
        var bothStarted = new TaskCompletionSource();
        var started = 0;

        async Task<int> Work()
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                bothStarted.SetResult();
            }

            // Each waits for the other: only possible when they run at the same time.
            await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
            return 0;
        }

        await Task.WhenAll(queue.EnqueueAsync(new ResidentKey("test", "a"), Work), queue.EnqueueAsync(new ResidentKey("test", "b"), Work));

        Assert.Equal(2, started);
    }

    [Fact]
    public async Task EnqueueAsync_FailedTurn_DoesNotBlockTheNext()
    {
        var queue = new ResidentTurnQueue();
        var resident = new ResidentKey("test", "r2");

        var failed = queue.EnqueueAsync<int>(resident, () => throw new InvalidOperationException("boom"));
        var next = queue.EnqueueAsync(resident, () => Task.FromResult(7));

        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        Assert.Equal(7, await next);
    }
}
