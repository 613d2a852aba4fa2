using Bot.Connectors.Storage;
using Bot.Connectors.Storage.Bookings;
using Bot.Connectors.Storage.Events;
using Bot.Skills.Engine;
using Bot.Skills.Events;
using Bot.Skills.Grid;
using Bot.Skills.Mediation;
using Bot.TestSupport.Postgres;

namespace Bot.Connectors.Tests.Storage.Postgres;

/// <summary>Council seats, event minutes and template delivery reports: guarded writes in raw SQL, on PostgreSQL.</summary>
public sealed class PostgresCouncilAndEventTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task JoinCouncilAsync_TwentyConcurrentResidentsOnFourHostsFiveSeats_ExactlyFiveJoin()
    {
        var database = await PostgresTestDatabase.CreateAsync(server);
        var catalog = new VenueCatalog(database.Contexts(), PostgresTestDatabase.Gate, database.Clock);
        var hall = await catalog.UpsertVenueAsync(
            new Venue(0, "居民议事厅", "幸福社区党群服务中心", DutyHours.Parse("每天 08:00-21:00"), 8, 60, 15, [], [SessionKind.Council], true), CancellationToken.None);
        var hosts = Enumerable.Range(0, 4).Select(_ => new BookingStore(database.Contexts(), PostgresTestDatabase.Gate, database.Clock)).ToList();
        var session = (await hosts[0].CreateCouncilSessionAsync(new NewCouncilSession(hall.Id, Day.AddHours(19), Day.AddHours(21), "停车位共享", 5), CancellationToken.None))!;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => hosts[i % 4].JoinCouncilAsync(session.Id, new ResidentKey(Channels.Simulator, $"s{i}"), CancellationToken.None))));

        Assert.Equal(5, results.Count(r => r == SeatResult.Joined));
        Assert.Equal(15, results.Count(r => r == SeatResult.Full));
        Assert.Equal(SeatResult.AlreadyJoined, await hosts[1].JoinCouncilAsync(session.Id, new ResidentKey(Channels.Simulator, $"s{Array.IndexOf(results, SeatResult.Joined)}"), CancellationToken.None));
        Assert.Equal(5, (await hosts[2].ListCouncilSessionsAsync(Day, CancellationToken.None)).Single().Taken);
    }

    [Fact]
    public async Task AddMinutesAsync_SecondTime_False()
    {
        var database = await PostgresTestDatabase.CreateAsync(server);
        var store = new EventStore(database.Contexts(), PostgresTestDatabase.Gate, database.Clock);
        var minutes = new EventMinutes("1-202612021900", 1, "路灯", "纳入计划", "王书记", Day.AddHours(22));

        Assert.True(await store.AddMinutesAsync(minutes, CancellationToken.None));
        Assert.False(await store.AddMinutesAsync(minutes with { Decided = "另一份" }, CancellationToken.None));
        Assert.Equal("纳入计划", (await store.GetMinutesAsync("1-202612021900", CancellationToken.None))!.Decided);
    }

    [Fact]
    public async Task TemplateDeliveryLog_RepeatedReport_RecordedOnce()
    {
        var database = await PostgresTestDatabase.CreateAsync(server);
        var log = new TemplateDeliveryLog(database.Contexts(), PostgresTestDatabase.Gate, database.Clock);

        Assert.True(await log.RecordAsync("k1", "u1", "tm-1", "success", CancellationToken.None));
        Assert.False(await log.RecordAsync("k1", "u1", "tm-1", "success", CancellationToken.None));
    }
}
