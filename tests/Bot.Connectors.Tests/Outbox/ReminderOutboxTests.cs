using Bot.Connectors.Outbox;
using Bot.Connectors.Storage;
using Bot.Connectors.Tests.Storage;
using Bot.Skills.Engine;

namespace Bot.Connectors.Tests.Outbox;

public sealed class ReminderOutboxTests : IDisposable
{
    private readonly StorageTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SendOnceAsync_SameKeyTwice_QueuedOnce()
    {
        var outbox = new ReminderOutbox(_db.Contexts, new DatabaseWriteGate(serialise: true), new OutboxSignal(), _db.Clock);
        (ResidentKey, Reply)[] messages = [(new ResidentKey(Channels.Simulator, "r1"), Reply.FromText("提醒")), (new ResidentKey("wecom-app", "med"), Reply.FromText("提醒"))];

        Assert.True(await outbox.SendOnceAsync("B2026-00001:DayBefore:1", messages, CancellationToken.None));
        Assert.False(await outbox.SendOnceAsync("B2026-00001:DayBefore:1", messages, CancellationToken.None));

        Assert.Equal(2, (await _db.Outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task SendOnceAsync_TenConcurrentFiringsOnTwoHosts_QueuedOnce()
    {
        var hosts = new[]
        {
            new ReminderOutbox(_db.Contexts, new DatabaseWriteGate(serialise: true), new OutboxSignal(), _db.Clock),
            new ReminderOutbox(_db.Contexts, new DatabaseWriteGate(serialise: true), new OutboxSignal(), _db.Clock),
        };
        (ResidentKey, Reply)[] messages = [(new ResidentKey(Channels.Simulator, "r1"), Reply.FromText("提醒"))];

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => hosts[i % 2].SendOnceAsync("k", messages, CancellationToken.None))));

        Assert.Single(results, r => r);
        Assert.Single(await _db.Outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None));
    }
}
