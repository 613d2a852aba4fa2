using Bot.Connectors.Storage;

namespace Bot.Connectors.Tests.Storage;

public sealed class WeComMessageLogStoreTests : IDisposable
{
    private readonly StorageTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task TryRegisterAsync_SameKeyTwice_TrueThenFalse()
    {
        var log = new WeComMessageLogStore(_db.Contexts, new DatabaseWriteGate(serialise: true), _db.Clock);

        Assert.True(await log.TryRegisterAsync("corp:1", CancellationToken.None));
        Assert.False(await log.TryRegisterAsync("corp:1", CancellationToken.None));
        Assert.True(await log.TryRegisterAsync("corp:2", CancellationToken.None));
    }

    [Fact]
    public async Task TryRegisterAsync_TwoStoresOnOneDatabase_ShareWhatWasSeen()
    {
        // Two hosts (or a restarted one) share the database, so a retry is recognised by either.
        var first = new WeComMessageLogStore(_db.Contexts, new DatabaseWriteGate(serialise: true), _db.Clock);
        var second = new WeComMessageLogStore(_db.Contexts, new DatabaseWriteGate(serialise: true), _db.Clock);

        Assert.True(await first.TryRegisterAsync("corp:7", CancellationToken.None));
        Assert.False(await second.TryRegisterAsync("corp:7", CancellationToken.None));
    }

    [Fact]
    public async Task TryRegisterAsync_TwentyConcurrentDeliveries_ExactlyOneWins()
    {
        var gate = new DatabaseWriteGate(serialise: true);
        var logs = Enumerable.Range(0, 4).Select(_ => new WeComMessageLogStore(_db.Contexts, gate, _db.Clock)).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => logs[i % 4].TryRegisterAsync("corp:9", CancellationToken.None))));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task ForgetAsync_AfterRegister_LetsKeyThroughAgain()
    {
        var log = new WeComMessageLogStore(_db.Contexts, new DatabaseWriteGate(serialise: true), _db.Clock);
        await log.TryRegisterAsync("corp:3", CancellationToken.None);

        await log.ForgetAsync("corp:3", CancellationToken.None);

        Assert.True(await log.TryRegisterAsync("corp:3", CancellationToken.None));
    }

    [Fact]
    public async Task TryRegisterAsync_KeysOlderThanRetention_ArePruned()
    {
        var log = new WeComMessageLogStore(_db.Contexts, new DatabaseWriteGate(serialise: true), _db.Clock);
        await log.TryRegisterAsync("corp:old", CancellationToken.None);
        _db.Clock.Advance(WeComMessageLogStore.Retention + TimeSpan.FromMinutes(1));

        // The first write of a fresh store prunes; the old key is gone and counts as new.
        var fresh = new WeComMessageLogStore(_db.Contexts, new DatabaseWriteGate(serialise: true), _db.Clock);
        Assert.True(await fresh.TryRegisterAsync("corp:new", CancellationToken.None));
        Assert.True(await fresh.TryRegisterAsync("corp:old", CancellationToken.None));
    }
}
