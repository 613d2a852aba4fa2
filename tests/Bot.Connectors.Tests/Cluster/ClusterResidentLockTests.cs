using Bot.Connectors.Cluster;
using Bot.Connectors.Redis;
using Bot.Connectors.Storage;
using Bot.Skills.Engine;
using Bot.TestSupport.Postgres;
using Bot.TestSupport.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Cluster;

/// <summary>Redis while it answers, PostgreSQL advisory locks when it does not; a killed redis-server per test.</summary>
public sealed class ClusterResidentLockTests(PostgresServerFixture postgres) : IClassFixture<PostgresServerFixture>, IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new() { Stoppable = true };
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly ResidentKey _resident = new(Channels.WeChat, $"o-{Guid.NewGuid():N}");
    private RedisConnection _connection = null!;

    public async Task InitializeAsync()
    {
        await _redis.StartAsync();
        _connection = RedisConnections.Create(_redis.Configuration, _clock);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task TryAcquireAsync_RedisUp_HoldsTheRedisLock()
    {
        await using var held = await Create().TryAcquireAsync(_resident, CancellationToken.None);

        Assert.NotNull(held);
        Assert.True(await _redis.Database.KeyExistsAsync(RedisResidentLock.KeyFor(_resident)));
    }

    [Fact]
    public async Task TryAcquireAsync_RedisDown_HoldsTheAdvisoryLockAgainstOtherHosts()
    {
        var hostA = Create();
        await _redis.StopServerAsync();

        var held = await hostA.TryAcquireAsync(_resident, CancellationToken.None);
        var otherHostWhileHeld = await Postgres().TryAcquireAsync(_resident, CancellationToken.None);
        await held!.DisposeAsync();
        await using var otherHostAfter = await Postgres().TryAcquireAsync(_resident, CancellationToken.None);

        Assert.Null(otherHostWhileHeld);
        Assert.NotNull(otherHostAfter);
    }

    private ClusterResidentLock Create() => new(
        _connection,
        new RedisResidentLock(_connection, Options.Create(new IntakeOptions { TurnLockWaitSeconds = 0 }), _clock, NullLogger<RedisResidentLock>.Instance),
        Postgres(),
        NullLogger<ClusterResidentLock>.Instance);

    private PostgresResidentLock Postgres() => new(
        Options.Create(new StorageOptions { Provider = "Postgres", ConnectionString = postgres.ConnectionString }),
        Options.Create(new IntakeOptions { TurnLockWaitSeconds = 0 }),
        _clock);
}
