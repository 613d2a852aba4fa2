using Bot.Connectors.Cluster;
using Bot.Connectors.Redis;
using Bot.Skills.Engine;
using Bot.TestSupport.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Cluster;

public sealed class RedisResidentLockTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly RedisConnection _connection = RedisConnections.Create(redis.Configuration);
    private readonly ResidentKey _resident = new(Channels.WeChat, $"o-{Guid.NewGuid():N}");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task TryAcquireAsync_HeldElsewhereBeyondWait_ReturnsNull()
    {
        var hostA = Create(waitSeconds: 0);
        var hostB = Create(waitSeconds: 0);
        await using var held = await hostA.TryAcquireAsync(_resident, CancellationToken.None);

        var second = await hostB.TryAcquireAsync(_resident, CancellationToken.None);

        Assert.NotNull(held);
        Assert.Null(second);
    }

    [Fact]
    public async Task TryAcquireAsync_ReleasedWhileWaiting_AcquiresOnNextPoll()
    {
        var hostA = Create(waitSeconds: 20);
        var hostB = Create(waitSeconds: 20);
        var held = await hostA.TryAcquireAsync(_resident, CancellationToken.None);
        var waiting = hostB.TryAcquireAsync(_resident, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await held!.DisposeAsync();
        var stop = DateTime.UtcNow + Deadline;
        while (!waiting.IsCompleted && DateTime.UtcNow < stop)
        {
            // The poll delay runs on the fake clock: step it until the waiter tries again.
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(waiting, Task.Delay(10));
        }

        await using var second = await waiting.WaitAsync(Deadline);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task DisposeAsync_LockTakenOverByAnother_LeavesTheirsAlone()
    {
        var held = await Create(waitSeconds: 0).TryAcquireAsync(_resident, CancellationToken.None);

        // The lease lapsed and another host took the lock: our release must not free theirs.
        await redis.Database.StringSetAsync(RedisResidentLock.KeyFor(_resident), "someone-else");
        await held!.DisposeAsync();

        Assert.Equal("someone-else", (string?)await redis.Database.StringGetAsync(RedisResidentLock.KeyFor(_resident)));
    }

    [Fact]
    public async Task Lease_TurnRunsLong_RenewedEveryThirdOfTheLease()
    {
        var key = RedisResidentLock.KeyFor(_resident);
        await using var held = await Create(waitSeconds: 0).TryAcquireAsync(_resident, CancellationToken.None);
        await redis.Database.KeyExpireAsync(key, TimeSpan.FromSeconds(2));

        _clock.Advance(TimeSpan.FromSeconds(10));
        var stop = DateTime.UtcNow + Deadline;
        TimeSpan? left;
        do
        {
            await Task.Delay(20);
            left = await redis.Database.KeyTimeToLiveAsync(key);
        }
        while (left < TimeSpan.FromSeconds(20) && DateTime.UtcNow < stop);

        Assert.NotNull(left);
        Assert.InRange(left.Value, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
    }

    private RedisResidentLock Create(int waitSeconds) => new(
        _connection,
        Options.Create(new IntakeOptions { TurnLockLeaseSeconds = 30, TurnLockWaitSeconds = waitSeconds }),
        _clock,
        NullLogger<RedisResidentLock>.Instance);
}
