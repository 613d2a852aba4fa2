using Bot.Connectors.Storage;
using Bot.Skills.Engine;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Tests.Storage;

/// <summary>Leases on accepted messages: who may run a turn, and when another host takes it over.</summary>
public sealed class InboxStoreLeaseTests : IDisposable
{
    private readonly StorageTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private InboundMessage Message(string key, string user = "u1") =>
        new(Channels.WeChat, user, key, InboundKind.Text, _db.Clock.GetUtcNow(), "你好");

    private Task<InboxMessage> RowAsync(long id) => QueryAsync(db => db.Inbox.AsNoTracking().SingleAsync(m => m.Id == id));

    private async Task<T> QueryAsync<T>(Func<BotDbContext, Task<T>> query)
    {
        await using var db = await _db.Contexts.CreateDbContextAsync();
        return await query(db);
    }

    [Fact]
    public async Task AcceptAsync_NewMessage_LeasedToTheAcceptingHost()
    {
        var id = (await _db.Inbox.AcceptAsync(Message("k1"), CancellationToken.None))!.InboxId;

        var row = await RowAsync(id);
        Assert.Equal("host-a", row.OwnerId);
        Assert.Equal(_db.Clock.GetUtcNow().AddSeconds(60).ToUnixTimeMilliseconds(), row.LeaseUntilMs);
    }

    [Fact]
    public async Task ClaimStrandedAsync_LeaseStillRunning_LeftToItsOwner()
    {
        await _db.Inbox.AcceptAsync(Message("k1"), CancellationToken.None);
        _db.Clock.Advance(TimeSpan.FromSeconds(59));

        Assert.Empty(await _db.InboxOf("host-b").ClaimStrandedAsync(atStartup: false, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimStrandedAsync_LeaseLapsed_TakenOverOnceWithANewLease()
    {
        var id = (await _db.Inbox.AcceptAsync(Message("k1"), CancellationToken.None))!.InboxId;
        _db.Clock.Advance(TimeSpan.FromSeconds(61));
        var other = _db.InboxOf("host-b");

        var claimed = Assert.Single(await other.ClaimStrandedAsync(atStartup: false, CancellationToken.None));
        Assert.Empty(await _db.InboxOf("host-c").ClaimStrandedAsync(atStartup: false, CancellationToken.None));

        Assert.Equal(id, claimed.InboxId);
        Assert.Equal("k1", claimed.Message.MessageKey);
        var row = await RowAsync(id);
        Assert.Equal("host-b", row.OwnerId);
        Assert.Equal(_db.Clock.GetUtcNow().AddSeconds(60).ToUnixTimeMilliseconds(), row.LeaseUntilMs);
    }

    [Fact]
    public async Task ClaimStrandedAsync_ProcessedMessage_NeverTaken()
    {
        var id = (await _db.Inbox.AcceptAsync(Message("k1"), CancellationToken.None))!.InboxId;
        await _db.Inbox.CompleteAsync(id, "greeting", [], CancellationToken.None);
        _db.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(await _db.InboxOf("host-b").ClaimStrandedAsync(atStartup: false, CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_ByTheOwner_SweepTakesItAtTheRetryTime()
    {
        var id = (await _db.Inbox.AcceptAsync(Message("k1"), CancellationToken.None))!.InboxId;
        await _db.Inbox.ReleaseAsync(id, _db.Clock.GetUtcNow().AddSeconds(5), CancellationToken.None);
        var other = _db.InboxOf("host-b");

        _db.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(await other.ClaimStrandedAsync(atStartup: false, CancellationToken.None));
        _db.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(id, Assert.Single(await other.ClaimStrandedAsync(atStartup: false, CancellationToken.None)).InboxId);
    }

    [Fact]
    public async Task ReleaseAsync_ByAHostThatLostTheLease_ChangesNothing()
    {
        var id = (await _db.Inbox.AcceptAsync(Message("k1"), CancellationToken.None))!.InboxId;
        _db.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Single(await _db.InboxOf("host-b").ClaimStrandedAsync(atStartup: false, CancellationToken.None));

        // host-a comes back from a long pause and hands back a message that is no longer its own.
        await _db.Inbox.ReleaseAsync(id, _db.Clock.GetUtcNow(), CancellationToken.None);

        var row = await RowAsync(id);
        Assert.Equal("host-b", row.OwnerId);
        Assert.True(row.LeaseUntilMs > _db.Clock.GetUtcNow().ToUnixTimeMilliseconds());
    }
}
