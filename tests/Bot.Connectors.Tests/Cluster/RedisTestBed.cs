using Bot.Connectors.Redis;
using Bot.Skills.Engine;
using Bot.TestSupport.Redis;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Cluster;

/// <summary>A fake clock, a connection to the fixture's Redis and a resident of the test's own (the server may be shared).</summary>
public abstract class RedisTestBed(RedisServerFixture redis) : IAsyncLifetime
{
    protected RedisServerFixture Redis { get; } = redis;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    protected RedisConnection Connection { get; } = RedisConnections.Create(redis.Configuration);

    protected ResidentKey Resident { get; } = new(Channels.WeChat, $"o-{Guid.NewGuid():N}");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Connection.DisposeAsync();
}
