using Bot.Connectors.Storage;
using Bot.Skills.Engine;

namespace Bot.Connectors.Tests.Storage;

public sealed class OutboxStoreTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private readonly StorageTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private async Task ReplyAsync(string user, params string[] texts)
    {
        var id = (await _db.Inbox.AcceptAsync(new InboundMessage(Channels.WeChat, user, Guid.NewGuid().ToString(), InboundKind.Text, _db.Clock.GetUtcNow(), "x"), CancellationToken.None))!.InboxId;
        await _db.Inbox.CompleteAsync(id, "t", texts.Select(t => new OutboundRecord(Reply.FromText(t), false)).ToList(), CancellationToken.None);
    }

    [Fact]
    public async Task ClaimDueAsync_OneResident_ClaimsOneAtATimeInOrder()
    {
        await ReplyAsync("u1", "1", "2", "3");
        await ReplyAsync("u2", "x");

        var first = await _db.Outbox.ClaimDueAsync(10, Lease, CancellationToken.None);
        Assert.Equal(["1", "x"], first.Select(i => i.Reply.Text));
        Assert.Empty(await _db.Outbox.ClaimDueAsync(10, Lease, CancellationToken.None));

        await _db.Outbox.MarkSentAsync(first[0].Id, CancellationToken.None);
        Assert.Equal("2", Assert.Single(await _db.Outbox.ClaimDueAsync(10, Lease, CancellationToken.None)).Reply.Text);
    }

    [Fact]
    public async Task ClaimDueAsync_LeaseLapsed_ClaimsAgain()
    {
        await ReplyAsync("u1", "1");
        var claimed = Assert.Single(await _db.Outbox.ClaimDueAsync(10, Lease, CancellationToken.None));

        _db.Clock.Advance(Lease + TimeSpan.FromSeconds(1)); // The sender died without reporting.

        var again = Assert.Single(await _db.Outbox.ClaimDueAsync(10, Lease, CancellationToken.None));
        Assert.Equal(claimed.Id, again.Id);
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public async Task MarkRetryAsync_NotDueUntilBackoffPasses()
    {
        await ReplyAsync("u1", "1");
        var item = Assert.Single(await _db.Outbox.ClaimDueAsync(10, Lease, CancellationToken.None));

        await _db.Outbox.MarkRetryAsync(item.Id, "busy", _db.Clock.GetUtcNow().AddSeconds(4), CancellationToken.None);

        Assert.Empty(await _db.Outbox.ClaimDueAsync(10, Lease, CancellationToken.None));
        _db.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Single(await _db.Outbox.ClaimDueAsync(10, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task AcceptAsync_RearmsOnlyThatResidentsDeferredRows()
    {
        await ReplyAsync("u1", "1");
        await ReplyAsync("u2", "2");
        foreach (var item in await _db.Outbox.ClaimDueAsync(10, Lease, CancellationToken.None))
        {
            await _db.Outbox.MarkDeferredAsync(item.Id, "quota", CancellationToken.None);
        }

        // The resident writes again: accepting the message makes their held-back replies due.
        var again = new InboundMessage(Channels.WeChat, "u1", "again", InboundKind.Text, _db.Clock.GetUtcNow(), "在吗");
        Assert.Equal(1, (await _db.Inbox.AcceptAsync(again, CancellationToken.None))!.RearmedReplies);

        Assert.Equal("1", Assert.Single(await _db.Outbox.ClaimDueAsync(10, Lease, CancellationToken.None)).Reply.Text);
    }

    [Fact]
    public async Task GetWindowAsync_CountsSendsSinceTheLastInbound()
    {
        var resident = new ResidentKey(Channels.WeChat, "u1");
        Assert.Null((await _db.Outbox.GetWindowAsync(resident, CancellationToken.None)).LastInboundAt);

        await ReplyAsync("u1", "1", "2");
        _db.Clock.Advance(TimeSpan.FromSeconds(1));
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var item = Assert.Single(await _db.Outbox.ClaimDueAsync(10, Lease, CancellationToken.None));
            await _db.Outbox.MarkSentAsync(item.Id, CancellationToken.None);
        }

        var window = await _db.Outbox.GetWindowAsync(resident, CancellationToken.None);
        Assert.Equal(2, window.SentSinceInbound);
        Assert.Equal(_db.Clock.GetUtcNow().AddSeconds(-1), window.LastInboundAt);
    }

    [Fact]
    public async Task ListDeliveredAfterAsync_ReturnsNonPassiveRepliesAfterCursor()
    {
        var id = (await _db.Inbox.AcceptAsync(new InboundMessage(Channels.WeChat, "u1", "k", InboundKind.Text, _db.Clock.GetUtcNow(), "x"), CancellationToken.None))!.InboxId;
        await _db.Inbox.CompleteAsync(id, "t", [new(Reply.FromText("passive"), true), new(Reply.FromText("1"), false), new(Reply.FromText("2"), false)], CancellationToken.None);
        var first = Assert.Single(await _db.Outbox.ClaimDueAsync(10, Lease, CancellationToken.None));
        await _db.Outbox.MarkSentAsync(first.Id, CancellationToken.None);
        var resident = new ResidentKey(Channels.WeChat, "u1");

        Assert.Equal(["1", "2"], (await _db.Outbox.ListDeliveredAfterAsync(resident, 0, CancellationToken.None)).Select(i => i.Reply.Text));
        Assert.Equal(["2"], (await _db.Outbox.ListDeliveredAfterAsync(resident, first.Id, CancellationToken.None)).Select(i => i.Reply.Text));
    }
}
