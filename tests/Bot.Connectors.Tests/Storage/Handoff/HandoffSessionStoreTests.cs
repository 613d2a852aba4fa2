using Bot.Connectors.Storage;
using Bot.Connectors.Storage.Handoff;
using Bot.Skills.Engine;
using Bot.Skills.Handoff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Bot.Connectors.Tests.Storage.Handoff;

public sealed class HandoffSessionStoreTests : IDisposable
{
    private static readonly ResidentKey Resident = new("wechat", "openid-1");

    private readonly StorageTestDatabase _database = new();
    private readonly HandoffSessionStore _store;

    public HandoffSessionStoreTests() => _store = new HandoffSessionStore(_database.Contexts, new DatabaseWriteGate(serialise: true));

    public void Dispose() => _database.Dispose();

    private DateTimeOffset Now => _database.Clock.GetUtcNow();

    private Task<HandoffSession> OpenAsync(ResidentKey resident, long person = 1, string worker = "zhaoliu") =>
        _store.OpenAsync(new NewHandoffSession(resident, person, worker, "赵六", null), Now, CancellationToken.None);

    [Fact]
    public async Task OpenAsync_Twice_KeepsOneLiveSessionPerResident()
    {
        var first = await OpenAsync(Resident);
        var second = await OpenAsync(Resident, person: 2, worker: "qianqi");

        Assert.Equal(first, second);
        Assert.Equal(first, await _store.FindActiveByResidentAsync(Resident, CancellationToken.None));
    }

    [Fact]
    public async Task EndAsync_TwoHostsAtOnce_EndsOnce()
    {
        var session = await OpenAsync(Resident);

        // Two stores with their own write gates: two hosts on one database file.
        var other = new HandoffSessionStore(_database.Contexts, new DatabaseWriteGate(serialise: true));
        var results = await Task.WhenAll(
            _store.EndAsync(session.Id, HandoffEndReason.Timeout, Now, CancellationToken.None),
            other.EndAsync(session.Id, HandoffEndReason.Worker, Now, CancellationToken.None));

        Assert.Single(results, ended => ended);
        Assert.False(await _store.EndAsync(session.Id, HandoffEndReason.Worker, Now, CancellationToken.None));
        Assert.Null(await _store.FindActiveByResidentAsync(Resident, CancellationToken.None));
        var reopened = await OpenAsync(Resident);
        Assert.NotEqual(session.Id, reopened.Id);
    }

    [Fact]
    public async Task TouchAsync_EndedSession_StaysEnded()
    {
        var session = await OpenAsync(Resident);
        await _store.EndAsync(session.Id, HandoffEndReason.Worker, Now, CancellationToken.None);
        _database.Clock.Advance(TimeSpan.FromMinutes(1));

        await _store.TouchAsync(session.Id, Now, CancellationToken.None);

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var row = await db.HandoffSessions.SingleAsync();
        Assert.Equal(nameof(HandoffEndReason.Worker), row.EndReason);
        Assert.Equal(session.StartedAt.ToUnixTimeMilliseconds(), row.LastActivityAtMs);
    }

    [Fact]
    public async Task ListIdleAndByWorker_FollowActivity()
    {
        var first = await OpenAsync(Resident);
        _database.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await OpenAsync(new ResidentKey("wechat", "openid-2"));
        _database.Clock.Advance(TimeSpan.FromMinutes(10));
        await _store.TouchAsync(first.Id, Now, CancellationToken.None);

        var byWorker = await _store.ListActiveByWorkerAsync("ZhaoLiu", CancellationToken.None);
        Assert.Equal([first.Id, second.Id], byWorker.Select(s => s.Id));
        Assert.Equal(Now, byWorker[0].LastActivityAt);

        var idle = await _store.ListIdleAsync(Now - TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal(second.Id, Assert.Single(idle).Id);

        var counts = await _store.CountActiveByPersonAsync([1, 2], CancellationToken.None);
        Assert.Equal(2, counts[1]);
        Assert.False(counts.ContainsKey(2));
    }

    [Fact]
    public async Task DatabaseInitializer_DatabaseFromBeforeHandoff_AddsTheTable()
    {
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE handoff_sessions;");
        }

        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            await DatabaseInitializer.AddMissingTablesAsync(db, db.GetService<IDesignTimeModel>().Model, CancellationToken.None);
        }

        Assert.NotNull(await OpenAsync(Resident));
    }
}
