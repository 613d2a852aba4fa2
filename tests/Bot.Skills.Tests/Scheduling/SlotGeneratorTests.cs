using System.Globalization;
using Bot.Skills.Grid;
using Bot.Skills.Scheduling;

namespace Bot.Skills.Tests.Scheduling;

public sealed class SlotGeneratorTests
{
    // November 2026 in China time; the 25th is a Wednesday. The venue closes for lunch.
    private static readonly DateTimeOffset Now = At(25, 7);

    private static readonly SlotQuery Venue = new()
    {
        VenueHours = DutyHours.Parse("周一至周五 09:00-12:00；周一至周五 13:30-17:30"),
    };

    private static DateTimeOffset At(int day, int hour, int minute = 0) =>
        new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static TimeSlot Slot(int day, int hour, int minute = 0, int minutes = 60) =>
        new(At(day, hour, minute), At(day, hour, minute).AddMinutes(minutes));

    private static string Starts(IEnumerable<TimeSlot> slots) =>
        string.Join(' ', slots.Select(s => s.Start.ToString("dd/HH:mm", CultureInfo.InvariantCulture)));

    [Fact]
    public void NextFree_OpenDay_StepsThroughMorningAndAfternoonAroundLunch()
    {
        var slots = SlotGenerator.NextFree(Venue, Now, 9);

        Assert.Equal("25/09:00 25/09:30 25/10:00 25/10:30 25/11:00 25/13:30 25/14:00 25/14:30 25/15:00", Starts(slots));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromHours(1), s.End - s.Start));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromHours(8), s.Start.Offset));
    }

    [Theory]
    [InlineData(10, 30, "25/13:30")]
    [InlineData(15, 0, "26/09:00")]
    [InlineData(7, 0, "25/09:00")]
    public void NextFree_LeadTime_NothingSoonerThanTwoHours(int hour, int minute, string first) =>
        Assert.Equal(first, Starts(SlotGenerator.NextFree(Venue, At(25, hour, minute), 1)));

    [Fact]
    public void NextFree_NowInUtc_UsesChinaDayAndHours()
    {
        var utc = new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero); // 25th 07:00 in China
        var booked = Venue with { VenueBookings = [new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero))] };

        Assert.Equal("25/09:00", Starts(SlotGenerator.NextFree(Venue, utc, 1)));
        Assert.Equal(SlotProblem.VenueBusy, SlotGenerator.Check(Slot(25, 9), booked, utc));
    }

    [Fact]
    public void NextFree_VenueBooking_KeepsBufferOnBothSides()
    {
        var query = Venue with { Step = TimeSpan.FromMinutes(15), VenueBookings = [Slot(25, 9, 30, 45)] };

        Assert.Equal("25/10:30 25/10:45 25/11:00", Starts(SlotGenerator.NextFree(query, Now, 3)));
        Assert.Equal(SlotProblem.VenueBusy, SlotGenerator.Check(Slot(25, 10, 15), query, Now));
        Assert.True(SlotGenerator.IsFree(Slot(25, 10, 30), query, Now));
    }

    [Fact]
    public void NextFree_MediatorBookingElsewhere_KeepsBuffer()
    {
        var query = Venue with { Step = TimeSpan.FromMinutes(15), MediatorBookings = [Slot(25, 11)] };

        Assert.Equal("25/09:00 25/09:15 25/09:30 25/09:45 25/13:30", Starts(SlotGenerator.NextFree(query, Now, 5)));
        Assert.Equal(SlotProblem.MediatorBusy, SlotGenerator.Check(Slot(25, 10), query, Now));
    }

    [Fact]
    public void NextFree_ZeroBuffer_BackToBackAllowed()
    {
        var query = Venue with { Buffer = TimeSpan.Zero, VenueBookings = [Slot(25, 10)] };

        Assert.Equal("25/09:00 25/11:00", Starts(SlotGenerator.NextFree(query, Now, 2)));
    }

    [Fact]
    public void NextFree_OverlappingBookings_BlockTheirUnion()
    {
        var query = Venue with { Step = TimeSpan.FromMinutes(15), VenueBookings = [Slot(25, 9, 0, 90), Slot(25, 10)], MediatorBookings = [Slot(25, 10)] };

        Assert.Equal("25/13:30", Starts(SlotGenerator.NextFree(query, Now, 1)));
        Assert.Equal(SlotProblem.OutsideVenueHours, SlotGenerator.Check(Slot(25, 11, 15), query, Now));
    }

    [Fact]
    public void NextFree_ClosedDates_Skipped()
    {
        var query = Venue with { ClosedDates = new HashSet<DateOnly> { new(2026, 11, 25), new(2026, 11, 26) } };

        Assert.Equal("27/09:00", Starts(SlotGenerator.NextFree(query, Now, 1)));
        Assert.Equal(SlotProblem.Closed, SlotGenerator.Check(Slot(26, 10), query, Now));
    }

    [Fact]
    public void NextFree_Weekend_SkippedByVenueHours()
    {
        Assert.Equal("30/09:00", Starts(SlotGenerator.NextFree(Venue, At(27, 16), 1)));
        Assert.Equal(SlotProblem.OutsideVenueHours, SlotGenerator.Check(Slot(28, 10), Venue, Now));
        Assert.Equal(SlotProblem.OutsideVenueHours, SlotGenerator.Check(Slot(25, 11, 30), Venue, Now));
        Assert.Equal(SlotProblem.OutsideVenueHours, SlotGenerator.Check(Slot(25, 17), Venue, Now));
    }

    [Fact]
    public void NextFree_DailyCapReached_MovesToNextDay()
    {
        var query = Venue with { MediatorDailyCap = 2, MediatorBookings = [Slot(25, 9), Slot(25, 13, 30), Slot(26, 9)] };

        Assert.Equal("26/10:30", Starts(SlotGenerator.NextFree(query, Now, 1)));
        Assert.Equal(SlotProblem.MediatorFull, SlotGenerator.Check(Slot(25, 16), query, Now));
    }

    [Fact]
    public void NextFree_MediatorHours_NarrowTheVenueHours()
    {
        var query = Venue with { MediatorHours = DutyHours.Parse("周一至周五 14:00-17:00") };

        Assert.Equal("25/14:00 25/14:30 25/15:00 25/15:30 25/16:00 26/14:00", Starts(SlotGenerator.NextFree(query, Now, 6)));
        Assert.Equal(SlotProblem.OutsideMediatorHours, SlotGenerator.Check(Slot(25, 10), query, Now));
    }

    [Fact]
    public void NextFree_Horizon_StopsAfterLastDay()
    {
        var query = Venue with { HorizonDays = 2 };

        var slots = SlotGenerator.NextFree(query, Now, 100);

        Assert.Equal(24, slots.Count); // 5 morning and 7 afternoon starts on each of the 25th and 26th
        Assert.Equal("26/16:30", Starts([slots[^1]]));
        Assert.Equal(SlotProblem.BeyondHorizon, SlotGenerator.Check(Slot(27, 9), query, Now));
        Assert.Empty(SlotGenerator.NextFree(Venue with { HorizonDays = 0 }, Now, 5));
    }

    [Fact]
    public void Check_PastOrTooSoon_TooSoon()
    {
        Assert.Equal(SlotProblem.TooSoon, SlotGenerator.Check(Slot(24, 10), Venue, Now));
        Assert.Equal(SlotProblem.TooSoon, SlotGenerator.Check(Slot(25, 10), Venue, At(25, 8, 1)));
        Assert.Equal(SlotProblem.None, SlotGenerator.Check(Slot(25, 10), Venue, At(25, 8)));
    }

    [Fact]
    public void Offer_TypedTimeFits_NoAlternatives()
    {
        var offer = SlotGenerator.Offer(At(25, 14), Venue, Now);

        Assert.True(offer.Fits);
        Assert.Equal(Slot(25, 14), offer.Requested);
        Assert.Empty(offer.Nearest);
    }

    [Fact]
    public void Offer_TypedTimeBusy_NearestFreeThatDayInOrder()
    {
        var query = Venue with { VenueBookings = [Slot(25, 14)] };

        var offer = SlotGenerator.Offer(At(25, 14), query, Now);

        Assert.Equal(SlotProblem.VenueBusy, offer.Problem);
        Assert.Equal("25/15:30 25/16:00 25/16:30", Starts(offer.Nearest));
    }

    [Fact]
    public void Offer_LunchTime_NearestOnBothSides()
    {
        var offer = SlotGenerator.Offer(At(25, 12), Venue, Now, nearest: 3);

        Assert.Equal(SlotProblem.OutsideVenueHours, offer.Problem);
        Assert.Equal("25/10:30 25/11:00 25/13:30", Starts(offer.Nearest));
    }

    [Fact]
    public void Offer_ClosedDay_NoAlternativesThatDay()
    {
        var offer = SlotGenerator.Offer(At(28, 10), Venue, Now);

        Assert.Equal(SlotProblem.OutsideVenueHours, offer.Problem);
        Assert.Empty(offer.Nearest);
    }

    [Fact]
    public void NextFree_WithinParsedRange_OnlyThatAfternoon()
    {
        var afternoon = ChineseTimeParser.Parse("明天下午", Now);

        var slots = SlotGenerator.NextFree(Venue, Now, 10, new TimeSlot(afternoon.Start!.Value, afternoon.End!.Value));

        Assert.Equal("26/13:30 26/14:00 26/14:30 26/15:00 26/15:30 26/16:00 26/16:30", Starts(slots));
    }

    [Fact]
    public void NextFree_WithinRangeBeyondHorizon_Empty()
    {
        var later = ChineseTimeParser.Parse("下下周五", Now);

        Assert.Empty(SlotGenerator.NextFree(Venue, Now, 5, new TimeSlot(later.Start!.Value, later.End!.Value)));
    }

    [Fact]
    public void Offer_ParsedTypedTime_FitsOrOffersNearest()
    {
        var typed = ChineseTimeParser.Parse("明天下午3点", Now);
        var query = Venue with { MediatorBookings = [Slot(26, 15)] };

        Assert.True(SlotGenerator.Offer(typed.Start!.Value, Venue, Now).Fits);
        var offer = SlotGenerator.Offer(typed.Start!.Value, query, Now, nearest: 2);
        Assert.Equal(SlotProblem.MediatorBusy, offer.Problem);
        Assert.Equal("26/13:30 26/16:30", Starts(offer.Nearest));
    }
}
