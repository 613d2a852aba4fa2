using Bot.Connectors.Cluster;
using Bot.Connectors.Redis;
using Bot.Skills.Engine;
using Bot.TestSupport.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Cluster;

public sealed class RedisResidentLockTests(RedisServerFixture redis) : RedisTestBed(redis), IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TryAcquireAsync_HeldElsewhereBeyondWait_ReturnsNull()
    {
        var hostA = Create(waitSeconds: 0);
        var hostB = Create(waitSeconds: 0);
        await using var held = await hostA.TryAcquireAsync(Resident, CancellationToken.None);

        var second = await hostB.TryAcquireAsync(Resident, CancellationToken.None);

        Assert.NotNull(held);
        Assert.Null(second);
    }

    [Fact]
    public async Task TryAcquireAsync_ReleasedWhileWaiting_AcquiresOnNextPoll()
    {
        var hostA = Create(waitSeconds: 20);
        var hostB = Create(waitSeconds: 20);
        var held = await hostA.TryAcquireAsync(Resident, CancellationToken.None);
        var waiting = hostB.TryAcquireAsync(Resident, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await held!.DisposeAsync();
        var stop = DateTime.UtcNow + Deadline;
        while (!waiting.IsCompleted && DateTime.UtcNow < stop)
        {
            // The poll delay runs on the fake clock: step it until the waiter tries again.
            Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(waiting, Task.Delay(10));
        }

        await using var second = await waiting.WaitAsync(Deadline);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task DisposeAsync_LockTakenOverByAnother_LeavesTheirsAlone()
    {
        var held = await Create(waitSeconds: 0).TryAcquireAsync(Resident, CancellationToken.None);

        // The lease lapsed and another host took the lock: our release must not free theirs.
        await Redis.Database.StringSetAsync(RedisResidentLock.KeyFor(Resident), "someone-else");
        await held!.DisposeAsync();

        Assert.Equal("someone-else", (string?)await Redis.Database.StringGetAsync(RedisResidentLock.KeyFor(Resident)));
    }

    [Fact]
    public async Task Lease_TurnRunsLong_RenewedEveryThirdOfTheLease()
    {
        var key = RedisResidentLock.KeyFor(Resident);
        await using var held = await Create(waitSeconds: 0).TryAcquireAsync(Resident, CancellationToken.None);
        await Redis.Database.KeyExpireAsync(key, TimeSpan.FromSeconds(2));

        Clock.Advance(TimeSpan.FromSeconds(10));
        var stop = DateTime.UtcNow + Deadline;
        TimeSpan? left;
        do
        {
            await Task.Delay(20);
            left = await Redis.Database.KeyTimeToLiveAsync(key);
        }
        while (left < TimeSpan.FromSeconds(20) && DateTime.UtcNow < stop);

        Assert.NotNull(left);
        Assert.InRange(left.Value, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
    }

    private RedisResidentLock Create(int waitSeconds) => new(
        Connection,
        Options.Create(new IntakeOptions { TurnLockLeaseSeconds = 30, TurnLockWaitSeconds = waitSeconds }),
        Clock,
        NullLogger<RedisResidentLock>.Instance);
}
