using Bot.Connectors.Storage;
using Bot.Skills.Engine;

namespace Bot.Connectors.Tests.Storage;

public sealed class InboxStoreTests : IDisposable
{
    private readonly StorageTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private InboundMessage Message(string key, string user = "u1") =>
        new(Channels.WeChat, user, key, InboundKind.Text, _db.Clock.GetUtcNow(), "你好");

    [Fact]
    public async Task AcceptAsync_SameKeyTwice_SecondIsDuplicate()
    {
        Assert.NotNull(await _db.Inbox.AcceptAsync(Message("k1"), CancellationToken.None));
        Assert.Null(await _db.Inbox.AcceptAsync(Message("k1"), CancellationToken.None));
    }

    [Fact]
    public async Task AcceptAsync_FiftyConcurrentCopies_ExactlyOneAccepted()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _db.Inbox.AcceptAsync(Message("k-par"), CancellationToken.None)));

        Assert.Single(results, id => id is not null);
    }

    [Fact]
    public async Task CompleteAsync_StoresRepliesAndMarksProcessed_Once()
    {
        var id = (await _db.Inbox.AcceptAsync(Message("k2"), CancellationToken.None))!.InboxId;
        Assert.False(await _db.Inbox.IsCompletedAsync(Channels.WeChat, "k2", CancellationToken.None));

        OutboundRecord[] replies = [new(Reply.FromText("a"), true), new(Reply.FromText("b"), false)];
        await _db.Inbox.CompleteAsync(id, "greeting", replies, CancellationToken.None);
        await _db.Inbox.CompleteAsync(id, "greeting", replies, CancellationToken.None);

        Assert.Empty(await _db.Inbox.ClaimStrandedAsync(atStartup: true, CancellationToken.None));
        Assert.True(await _db.Inbox.IsCompletedAsync(Channels.WeChat, "k2", CancellationToken.None));
        var due = await _db.Outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal("b", Assert.Single(due).Reply.Text);
    }

    [Fact]
    public async Task ClaimStrandedAsync_AtStartupOnSqlite_TakesEveryUnprocessedMessageInArrivalOrder()
    {
        await _db.Inbox.AcceptAsync(Message("k3", "u1"), CancellationToken.None);
        await _db.Inbox.AcceptAsync(Message("k4", "u2") with { Location = new GeoPoint(1, 2, "某地") }, CancellationToken.None);

        var pending = await _db.InboxOf("restarted").ClaimStrandedAsync(atStartup: true, CancellationToken.None);

        Assert.Equal(["k3", "k4"], pending.Select(p => p.Message.MessageKey));
        Assert.Equal("某地", pending[1].Message.Location!.Label);
    }
}
