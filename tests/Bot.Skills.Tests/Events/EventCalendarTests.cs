using Bot.Skills.Events;
using static Bot.Skills.Tests.Events.CronRuleTests;

namespace Bot.Skills.Tests.Events;

public sealed class EventCalendarTests
{
    internal static readonly EventSchedule Market = new(1, EventKind.NightMarket, "幸福社区民情夜市", "0 0 19 ? * WED", 120, "党群服务中心广场", null, [], [], [], true);
    internal static readonly EventSchedule Visits = new(2, EventKind.VisitDay, "民意5来听", "0 0 9 5,15,25 * ?", 180, "各小区", null, [], [], [], true);

    [Fact]
    public void Next_AcrossYearEnd_VisitDayIsJanuaryFifth()
    {
        var next = EventCalendar.Next([Visits], [], At("2026-12-25 10:00"), 3);

        Assert.Equal([At("2027-01-05 09:00"), At("2027-01-15 09:00"), At("2027-01-25 09:00")], next.Select(o => o.Start));
        Assert.Equal("2-202701050900", next[0].Id);
    }

    [Fact]
    public void Next_BothSchedules_SoonestFirstAcrossMonthEnd()
    {
        var next = EventCalendar.Next([Market, Visits], [], At("2027-01-28 10:00"), 3);

        Assert.Equal([At("2027-02-03 19:00"), At("2027-02-05 09:00"), At("2027-02-10 19:00")], next.Select(o => o.Start));
    }

    [Fact]
    public void Next_CancelledSession_Skipped()
    {
        var cancel = new EventException(1, 1, At("2026-12-02 19:00"), true, null, null, null, "降雨", At("2026-11-30 09:00"));

        var next = EventCalendar.Next([Market], [cancel], At("2026-11-26 10:00"), 1);

        Assert.Equal(At("2026-12-09 19:00"), next[0].Start);
    }

    [Fact]
    public void Between_MovedSession_KeepsItsIdWithNewTimeAndPlace()
    {
        var move = new EventException(1, 1, At("2026-12-02 19:00"), false, At("2026-12-03 18:30"), null, "社区活动室", "降雨改期", At("2026-11-30 09:00"));

        var sessions = EventCalendar.Between(Market, [move], At("2026-12-01 00:00"), At("2026-12-08 00:00"));

        var moved = Assert.Single(sessions);
        Assert.Equal("1-202612021900", moved.Id);
        Assert.Equal(At("2026-12-03 18:30"), moved.Start);
        Assert.Equal(At("2026-12-03 20:30"), moved.End);
        Assert.Equal("社区活动室", moved.Place);
        Assert.True(moved.Moved);
    }

    [Fact]
    public void Between_SessionMovedIntoNextMonth_AppearsInTheMonthItMovedTo()
    {
        var move = new EventException(1, 2, At("2027-01-25 09:00"), false, At("2027-02-01 09:00"), null, null, "春节", At("2027-01-10 09:00"));

        var january = EventCalendar.Between(Visits, [move], At("2027-01-01 00:00"), At("2027-02-01 00:00"));
        var february = EventCalendar.Between(Visits, [move], At("2027-02-01 00:00"), At("2027-03-01 00:00"));

        Assert.Equal([At("2027-01-05 09:00"), At("2027-01-15 09:00")], january.Select(o => o.Start));
        Assert.Equal([At("2027-02-01 09:00"), At("2027-02-05 09:00"), At("2027-02-15 09:00"), At("2027-02-25 09:00")], february.Select(o => o.Start));
    }

    [Fact]
    public void Find_StartTheRuleNeverGives_Null()
    {
        Assert.Null(EventCalendar.Find(Visits, [], At("2027-01-06 09:00")));
        Assert.NotNull(EventCalendar.Find(Visits, [], At("2027-01-05 09:00")));
    }

    [Fact]
    public void OccurrenceId_RoundTrips()
    {
        Assert.True(EventOccurrence.TryParseId("2-202701050900", out var id, out var start));
        Assert.Equal((2L, At("2027-01-05 09:00")), (id, start));
        Assert.False(EventOccurrence.TryParseId("x-1", out _, out _));
    }
}
