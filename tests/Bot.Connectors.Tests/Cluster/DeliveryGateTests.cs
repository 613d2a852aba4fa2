using Bot.Connectors.Cluster;
using Bot.Connectors.Redis;
using Bot.Skills.Engine;
using Bot.TestSupport.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Tests.Cluster;

public sealed class DeliveryGateTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly RedisConnection _connection = RedisConnections.Create(redis.Configuration);
    private readonly string _key = Guid.NewGuid().ToString("N");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task TryMarkAsync_FirstThenRetry_MarkedThenSeen()
    {
        var gate = Create(_connection);

        var first = await gate.TryMarkAsync(Channels.WeChat, _key, CancellationToken.None);
        var retry = await gate.TryMarkAsync(Channels.WeChat, _key, CancellationToken.None);

        Assert.Equal(DeliveryMark.Marked, first);
        Assert.Equal(DeliveryMark.Seen, retry);
    }

    [Fact]
    public async Task TryMarkAsync_Marked_ExpiresAfterDedupeTtl()
    {
        await Create(_connection).TryMarkAsync(Channels.WeChat, _key, CancellationToken.None);

        var left = await redis.Database.KeyTimeToLiveAsync(DeliveryGate.KeyFor(Channels.WeChat, _key));

        Assert.NotNull(left);
        Assert.InRange(left.Value, TimeSpan.FromSeconds(590), TimeSpan.FromSeconds(600));
    }

    [Fact]
    public async Task ForgetAsync_AfterMark_LetsTheRetryThrough()
    {
        var gate = Create(_connection);
        await gate.TryMarkAsync(Channels.WeChat, _key, CancellationToken.None);

        await gate.ForgetAsync(Channels.WeChat, _key, CancellationToken.None);

        Assert.Equal(DeliveryMark.Marked, await gate.TryMarkAsync(Channels.WeChat, _key, CancellationToken.None));
    }

    [Fact]
    public async Task TryMarkAsync_RedisNotConfigured_Skipped()
    {
        await using var none = RedisConnections.Create(string.Empty);

        Assert.Equal(DeliveryMark.Skipped, await Create(none).TryMarkAsync(Channels.WeChat, _key, CancellationToken.None));
    }

    internal static DeliveryGate Create(RedisConnection connection) =>
        new(connection, Options.Create(new IntakeOptions()), NullLogger<DeliveryGate>.Instance);
}
