using Bot.Connectors.WeCom.Api;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.WeCom.Api;

public sealed class RateGateTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WaitAsync_OverLimit_WaitsUntilOldestSlotLeavesWindow()
    {
        var gate = new RateGate(2, TimeSpan.FromSeconds(60), _clock);
        await gate.WaitAsync(["a"], CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await gate.WaitAsync(["a"], CancellationToken.None);

        var third = gate.WaitAsync(["a"], CancellationToken.None);
        await gate.WhenWaitingAsync(1).WaitAsync(Timeout);
        _clock.Advance(TimeSpan.FromSeconds(49));
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));

        await third.WaitAsync(Timeout);
    }

    [Fact]
    public async Task WaitAsync_SeveralKeys_TakesASlotUnderEach()
    {
        var gate = new RateGate(1, TimeSpan.FromSeconds(60), _clock);
        await gate.WaitAsync(["a", "b"], CancellationToken.None);

        var onlyB = gate.WaitAsync(["b"], CancellationToken.None);
        var c = gate.WaitAsync(["c"], CancellationToken.None);

        await c.WaitAsync(Timeout);
        Assert.False(onlyB.IsCompleted);
        Assert.Equal(1, gate.Waiting);
    }

    [Fact]
    public async Task Defer_HoldsKeyForBackoff()
    {
        var gate = new RateGate(10, TimeSpan.FromSeconds(60), _clock);
        gate.Defer(["a"], TimeSpan.FromSeconds(5));

        var next = gate.WaitAsync(["a"], CancellationToken.None);
        await gate.WhenWaitingAsync(1).WaitAsync(Timeout);
        _clock.Advance(TimeSpan.FromSeconds(5));

        await next.WaitAsync(Timeout);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_StopsWaiting()
    {
        var gate = new RateGate(1, TimeSpan.FromSeconds(60), _clock);
        await gate.WaitAsync(["a"], CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = gate.WaitAsync(["a"], cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, gate.Waiting);
    }
}
