using Bot.Connectors.Storage;
using Bot.Connectors.Storage.Events;
using Bot.Skills.Engine;
using Bot.Skills.Events;

namespace Bot.Connectors.Tests.Storage.Events;

public sealed class EventStoreTests : IDisposable
{
    private static readonly DateTimeOffset Session = new(2026, 12, 2, 19, 0, 0, TimeSpan.FromHours(8));
    private static readonly ResidentKey Amei = new(Channels.WeChat, "o-amei");
    private readonly StorageTestDatabase _db = new();
    private readonly EventStore _store;

    public EventStoreTests() => _store = new EventStore(_db.Contexts, new DatabaseWriteGate(serialise: true), _db.Clock);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task UpsertScheduleAsync_WithListsAndVisits_RoundTrips()
    {
        var schedule = new EventSchedule(0, EventKind.VisitDay, "民意5来听", "0 0 9 5,15,25 * ?", 180, "各小区", null, [3, 4], ["robot-a"],
            [new VisitPlan(3, [1, 2], ["幸福路商户"])], true);

        var saved = await _store.UpsertScheduleAsync(schedule, CancellationToken.None);
        var read = await _store.GetScheduleAsync(saved.Id, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal([3L, 4L], read.HostIds);
        Assert.Equal(["robot-a"], read.RobotKeys);
        Assert.Equal("幸福路商户", Assert.Single(read.Visits).Places[0]);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _store.UpsertScheduleAsync(schedule with { Id = 999 }, CancellationToken.None));
    }

    [Fact]
    public async Task CancelAsync_SomeoneElsesRegistration_Refused_OwnCancelledOnce()
    {
        var registration = await AddTopicAsync(Amei);

        Assert.Null(await _store.CancelAsync(registration.Id, new ResidentKey(Channels.WeChat, "o-other"), CancellationToken.None));
        Assert.Equal(RegistrationState.Cancelled, (await _store.CancelAsync(registration.Id, Amei, CancellationToken.None))!.State);
        Assert.Null(await _store.CancelAsync(registration.Id, Amei, CancellationToken.None));
    }

    [Fact]
    public async Task SettleAsync_TwoCallers_OnlyOneWins()
    {
        var registration = await AddTopicAsync(Amei);

        var results = await Task.WhenAll(
            _store.SettleAsync(registration.Id, RegistrationState.Resolved, "已解决", null, CancellationToken.None),
            _store.SettleAsync(registration.Id, RegistrationState.Ticketed, null, "2026-000001", CancellationToken.None));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task AddMinutesAsync_SecondTime_False()
    {
        var minutes = new EventMinutes("1-202612021900", 1, "路灯", "纳入计划", "王书记", Session.AddHours(3));

        Assert.True(await _store.AddMinutesAsync(minutes, CancellationToken.None));
        Assert.False(await _store.AddMinutesAsync(minutes with { Decided = "另一份" }, CancellationToken.None));
        Assert.Equal("纳入计划", (await _store.GetMinutesAsync("1-202612021900", CancellationToken.None))!.Decided);
    }

    [Fact]
    public async Task ListForOccurrenceAsync_WithSubscriptions_IncludesTheSchedulesSubscribers()
    {
        await AddTopicAsync(Amei);
        await _store.AddRegistrationAsync(new EventRegistration(0, 1, null, null, RegistrationKind.Subscription, new ResidentKey(Channels.WeChat, "o-sub"),
            "夜市", null, false, null, RegistrationState.Active, null, Session), CancellationToken.None);

        Assert.Single(await _store.ListForOccurrenceAsync(1, "1-202612021900", withSubscriptions: false, CancellationToken.None));
        Assert.Equal(2, (await _store.ListForOccurrenceAsync(1, "1-202612021900", withSubscriptions: true, CancellationToken.None)).Count);
        Assert.Empty(await _store.ListForResidentAsync(new ResidentKey(Channels.Simulator, "o-amei"), CancellationToken.None));
    }

    private Task<EventRegistration> AddTopicAsync(ResidentKey resident) => _store.AddRegistrationAsync(
        new EventRegistration(0, 1, "1-202612021900", Session, RegistrationKind.Topic, resident, "建议加装路灯", "suggestion", false, null, RegistrationState.Active, null, Session),
        CancellationToken.None);
}
