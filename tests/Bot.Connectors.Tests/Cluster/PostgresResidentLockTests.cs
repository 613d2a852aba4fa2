using Bot.Connectors.Cluster;
using Bot.Connectors.Storage;
using Bot.Skills.Engine;
using Bot.TestSupport.Postgres;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Cluster;

public sealed class PostgresResidentLockTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly ResidentKey _resident = new(Channels.WeChat, $"o-{Guid.NewGuid():N}");

    [Fact]
    public async Task TryAcquireAsync_HeldByAnotherSession_ReturnsNullUntilReleased()
    {
        var hostA = Create();
        var hostB = Create();

        var held = await hostA.TryAcquireAsync(_resident, CancellationToken.None);
        var whileHeld = await hostB.TryAcquireAsync(_resident, CancellationToken.None);
        await held!.DisposeAsync();
        await using var afterRelease = await hostB.TryAcquireAsync(_resident, CancellationToken.None);

        Assert.Null(whileHeld);
        Assert.NotNull(afterRelease);
    }

    [Fact]
    public async Task TryAcquireAsync_OtherResident_NotBlocked()
    {
        await using var held = await Create().TryAcquireAsync(_resident, CancellationToken.None);

        await using var other = await Create().TryAcquireAsync(_resident with { UserId = "o-neighbour" }, CancellationToken.None);

        Assert.NotNull(other);
    }

    [Fact]
    public void KeyFor_SameResident_Stable() =>
        Assert.Equal(PostgresResidentLock.KeyFor(new ResidentKey("wechat", "o1")), PostgresResidentLock.KeyFor(new ResidentKey("wechat", "o1")));

    private PostgresResidentLock Create() => new(
        Options.Create(new StorageOptions { Provider = "Postgres", ConnectionString = server.ConnectionString }),
        Options.Create(new IntakeOptions { TurnLockWaitSeconds = 0 }),
        _clock);
}
