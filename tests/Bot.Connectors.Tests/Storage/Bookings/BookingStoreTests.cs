using Bot.Connectors.Storage;
using Bot.Connectors.Storage.Bookings;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Bot.Skills.Mediation;

namespace Bot.Connectors.Tests.Storage.Bookings;

public sealed class BookingStoreTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Day = new(2026, 11, 27, 0, 0, 0, China);
    private readonly StorageTestDatabase _db = new();
    private BookingStore _store = null!;
    private VenueCatalog _catalog = null!;
    private long _teaRoom;
    private long _hall;
    private long _mediator;

    public async Task InitializeAsync()
    {
        var gate = new DatabaseWriteGate(serialise: true);
        _store = new BookingStore(_db.Contexts, gate, _db.Clock);
        _catalog = new VenueCatalog(_db.Contexts, gate, _db.Clock);
        _teaRoom = (await _catalog.UpsertVenueAsync(Venue("睦邻茶室", SessionKind.Mediation), CancellationToken.None)).Id;
        _hall = (await _catalog.UpsertVenueAsync(Venue("居民议事厅", SessionKind.Council), CancellationToken.None)).Id;
        _mediator = (await _db.Roster.UpsertPersonAsync(
            new Person(0, "周律师", GridRole.Mediator, "zhoulawyer", null, DutyHours.AllDay, null, [], ["法律"], true), CancellationToken.None)).Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task HoldAsync_FreeSlot_HeldWithReadableNumber()
    {
        var result = await _store.HoldAsync(Request("r1", At(9), At(10)), CancellationToken.None);

        Assert.Equal(HoldStatus.Held, result.Status);
        Assert.Matches(@"^B2026-\d{5}$", result.Booking!.Number);
        Assert.Equal(BookingState.Held, result.Booking.State);
    }

    [Theory]
    [InlineData(9.5, 10.5, HoldStatus.VenueTaken)]   // overlaps
    [InlineData(10, 11, HoldStatus.VenueTaken)]      // inside the 15-minute buffer
    [InlineData(10.25, 11.25, HoldStatus.Held)]      // exactly one buffer later
    [InlineData(7.75, 8.75, HoldStatus.Held)]        // ends one buffer before
    [InlineData(8, 8.9, HoldStatus.VenueTaken)]      // ends inside the buffer before
    public async Task HoldAsync_NearAnotherSession_BufferDecides(double startHour, double endHour, HoldStatus expected)
    {
        await _store.HoldAsync(Request("r1", At(9), At(10), mediator: false), CancellationToken.None);

        var second = await _store.HoldAsync(Request("r2", At(startHour), At(endHour), mediator: false), CancellationToken.None);

        Assert.Equal(expected, second.Status);
    }

    [Fact]
    public async Task HoldAsync_MediatorBusyInAnotherVenue_MediatorBusy()
    {
        var other = (await _catalog.UpsertVenueAsync(Venue("二号调解室", SessionKind.Mediation), CancellationToken.None)).Id;
        await _store.HoldAsync(Request("r1", At(9), At(10)), CancellationToken.None);

        var second = await _store.HoldAsync(Request("r2", At(9.5), At(10.5)) with { VenueId = other }, CancellationToken.None);

        Assert.Equal(HoldStatus.MediatorBusy, second.Status);
    }

    [Fact]
    public async Task HoldAsync_MediatorAtDailyCap_RefusedThatDayOnly()
    {
        await _catalog.SetMediatorProfileAsync(new MediatorProfile(_mediator, 1), CancellationToken.None);
        await _store.HoldAsync(Request("r1", At(9), At(10)), CancellationToken.None);

        var sameDay = await _store.HoldAsync(Request("r2", At(14), At(15)), CancellationToken.None);
        var nextDay = await _store.HoldAsync(Request("r3", At(24 + 9), At(24 + 10)), CancellationToken.None);

        Assert.Equal(HoldStatus.MediatorCapReached, sameDay.Status);
        Assert.Equal(HoldStatus.Held, nextDay.Status);
    }

    [Fact]
    public async Task HoldAsync_AfterEarlierHoldRanOut_SlotIsFreeAndOldHoldCannotConfirm()
    {
        var first = await _store.HoldAsync(Request("r1", At(9), At(10)), CancellationToken.None);
        _db.Clock.Advance(TimeSpan.FromMinutes(6));

        var second = await _store.HoldAsync(Request("r2", At(9), At(10)), CancellationToken.None);

        Assert.Equal(HoldStatus.Held, second.Status);
        Assert.Null(await _store.ConfirmAsync(first.Booking!.Number, Resident("r1"), CancellationToken.None));
        Assert.Equal(BookingState.Expired, (await _store.FindAsync(first.Booking.Number, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task ConfirmAsync_OwnHoldInTime_ConfirmedButNotByAnotherResident()
    {
        var held = (await _store.HoldAsync(Request("r1", At(9), At(10)), CancellationToken.None)).Booking!;

        Assert.Null(await _store.ConfirmAsync(held.Number, Resident("intruder"), CancellationToken.None));
        var confirmed = await _store.ConfirmAsync(held.Number, Resident("r1"), CancellationToken.None);

        Assert.Equal(BookingState.Confirmed, confirmed!.State);
        Assert.Null(confirmed.HeldUntil);
    }

    [Fact]
    public async Task CancelAsync_ConfirmedBooking_FreesVenueMediatorAndDay()
    {
        await _catalog.SetMediatorProfileAsync(new MediatorProfile(_mediator, 1), CancellationToken.None);
        var held = (await _store.HoldAsync(Request("r1", At(9), At(10)), CancellationToken.None)).Booking!;
        await _store.ConfirmAsync(held.Number, Resident("r1"), CancellationToken.None);

        Assert.Null(await _store.CancelAsync(held.Number, Resident("intruder"), CancellationToken.None));
        var cancelled = await _store.CancelAsync(held.Number, Resident("r1"), CancellationToken.None);

        Assert.Equal(BookingState.Cancelled, cancelled!.State);
        Assert.Equal(HoldStatus.Held, (await _store.HoldAsync(Request("r2", At(9), At(10)), CancellationToken.None)).Status);
    }

    [Fact]
    public async Task RescheduleAsync_ToTakenTime_RefusedAndOldTimeKept()
    {
        var mine = (await _store.HoldAsync(Request("r1", At(9), At(10)), CancellationToken.None)).Booking!;
        await _store.HoldAsync(Request("r2", At(14), At(15), mediator: false), CancellationToken.None);

        var moved = await _store.RescheduleAsync(mine.Number, Resident("r1"), At(14), At(15), CancellationToken.None);

        Assert.Equal(HoldStatus.VenueTaken, moved.Status);
        Assert.Equal(At(9), (await _store.FindAsync(mine.Number, CancellationToken.None))!.Start);
        Assert.Equal(HoldStatus.VenueTaken, (await _store.HoldAsync(Request("r3", At(9), At(10), mediator: false), CancellationToken.None)).Status);
    }

    [Fact]
    public async Task RescheduleAsync_ToFreeTime_MovesAndFreesOldTime()
    {
        var mine = (await _store.HoldAsync(Request("r1", At(9), At(10)), CancellationToken.None)).Booking!;

        var moved = await _store.RescheduleAsync(mine.Number, Resident("r1"), At(14), At(15), CancellationToken.None);

        Assert.Equal(HoldStatus.Held, moved.Status);
        Assert.Equal(At(14), moved.Booking!.Start);
        Assert.Equal(HoldStatus.Held, (await _store.HoldAsync(Request("r2", At(9), At(10)), CancellationToken.None)).Status);
    }

    [Fact]
    public async Task ReassignAsync_ToFreeMediator_MovesClaimAndNeedsNewAcceptance()
    {
        var other = (await _db.Roster.UpsertPersonAsync(
            new Person(0, "吴阿姨", GridRole.Mediator, "wuayi", null, DutyHours.AllDay, null, [], ["邻里"], true), CancellationToken.None)).Id;
        var mine = (await _store.HoldAsync(Request("r1", At(9), At(10)), CancellationToken.None)).Booking!;
        await _store.ConfirmAsync(mine.Number, Resident("r1"), CancellationToken.None);
        await _store.AcceptAsync(mine.Number, _mediator, CancellationToken.None);

        var reassigned = await _store.ReassignAsync(mine.Number, other, CancellationToken.None);

        Assert.Equal(HoldStatus.Held, reassigned.Status);
        Assert.Equal((other, BookingState.Confirmed), (reassigned.Booking!.MediatorId!.Value, reassigned.Booking.State));
        var freed = await _store.HoldAsync(Request("r2", At(9), At(10)) with { VenueId = (await _catalog.UpsertVenueAsync(Venue("三号室", SessionKind.Mediation), CancellationToken.None)).Id }, CancellationToken.None);
        Assert.Equal(HoldStatus.Held, freed.Status);
    }

    [Fact]
    public async Task HoldAsync_FiftyConcurrentAttemptsFromFourHosts_ExactlyOneHeld()
    {
        // Four stores with their own write gates stand for four hosts: only the database can keep them apart.
        var hosts = Enumerable.Range(0, 4).Select(_ => new BookingStore(_db.Contexts, new DatabaseWriteGate(serialise: true), _db.Clock)).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => hosts[i % 4].HoldAsync(Request($"c{i}", At(9), At(10)), CancellationToken.None))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(HoldStatus.VenueTaken, r.Status));
    }

    [Fact]
    public async Task JoinCouncilAsync_SeatsRunOut_FullAndNoDoubleSeat()
    {
        var session = (await _store.CreateCouncilSessionAsync(new NewCouncilSession(_hall, At(19), At(21), "加装电梯", 2), CancellationToken.None))!;

        Assert.Equal(SeatResult.Joined, await _store.JoinCouncilAsync(session.Id, Resident("a"), CancellationToken.None));
        Assert.Equal(SeatResult.AlreadyJoined, await _store.JoinCouncilAsync(session.Id, Resident("a"), CancellationToken.None));
        Assert.Equal(SeatResult.Joined, await _store.JoinCouncilAsync(session.Id, Resident("b"), CancellationToken.None));
        Assert.Equal(SeatResult.Full, await _store.JoinCouncilAsync(session.Id, Resident("c"), CancellationToken.None));
        Assert.Equal(SeatResult.NotFound, await _store.JoinCouncilAsync(9999, Resident("c"), CancellationToken.None));
        Assert.Equal(2, (await _store.ListCouncilSessionsAsync(Day, CancellationToken.None)).Single().Taken);
    }

    [Fact]
    public async Task JoinCouncilAsync_TwentyConcurrentResidentsFiveSeats_ExactlyFiveJoin()
    {
        var session = (await _store.CreateCouncilSessionAsync(new NewCouncilSession(_hall, At(19), At(21), "停车位共享", 5), CancellationToken.None))!;
        var hosts = Enumerable.Range(0, 4).Select(_ => new BookingStore(_db.Contexts, new DatabaseWriteGate(serialise: true), _db.Clock)).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => hosts[i % 4].JoinCouncilAsync(session.Id, Resident($"s{i}"), CancellationToken.None))));

        Assert.Equal(5, results.Count(r => r == SeatResult.Joined));
        Assert.Equal(15, results.Count(r => r == SeatResult.Full));
    }

    [Fact]
    public async Task CreateCouncilSessionAsync_VenueTakenThen_ReturnsNull()
    {
        await _store.CreateCouncilSessionAsync(new NewCouncilSession(_hall, At(19), At(21), "物业费", 30), CancellationToken.None);

        Assert.Null(await _store.CreateCouncilSessionAsync(new NewCouncilSession(_hall, At(20), At(22), "垃圾分类", 30), CancellationToken.None));
    }

    private HoldRequest Request(string resident, DateTimeOffset start, DateTimeOffset end, bool mediator = true) => new(
        SessionKind.Mediation, _teaRoom, mediator ? _mediator : null, start, end, Resident(resident), "邻里漏水纠纷", null, null,
        _db.Clock.GetUtcNow().AddMinutes(5));

    private static ResidentKey Resident(string id) => new(Channels.Simulator, id);

    private static DateTimeOffset At(double hours) => Day.AddHours(hours);

    private static Venue Venue(string name, SessionKind kind) =>
        new(0, name, "幸福社区党群服务中心", DutyHours.Parse("每天 08:00-21:00"), 8, 60, 15, [], [kind], true);
}
