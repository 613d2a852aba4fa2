using Bot.Connectors.Calendar;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Bot.Skills.Mediation;

namespace Bot.Connectors.Tests.Calendar;

public sealed class BookingIcsTests
{
    private static readonly Venue TeaRoom = new(1, "睦邻茶室", "党群服务中心一楼", DutyHours.AllDay, 8, 60, 15, [], [SessionKind.Mediation], true);

    [Fact]
    public void Write_ConfirmedBooking_OneEventInUtcWithPlaceAndStableUid()
    {
        var start = new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.FromHours(8));
        var booking = Booking(start, BookingState.Confirmed);

        var ics = BookingIcs.Write(booking, TeaRoom, "调解员：周律师", "幸福社区");

        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains("UID:B2026-00017@neighbourhood-bot", ics);
        Assert.Contains("DTSTART:20261127T070000Z", ics);
        Assert.Contains("DTEND:20261127T080000Z", ics);
        Assert.Contains("LOCATION:睦邻茶室，党群服务中心一楼", ics);
        Assert.Contains("STATUS:CONFIRMED", ics);
    }

    [Fact]
    public void Write_CancelledBooking_MarkedCancelled()
    {
        var ics = BookingIcs.Write(Booking(DateTimeOffset.UnixEpoch, BookingState.Cancelled), TeaRoom, "调解员：周律师", "幸福社区");

        Assert.Contains("STATUS:CANCELLED", ics);
    }

    private static Booking Booking(DateTimeOffset start, BookingState state) => new(
        "B2026-00017", SessionKind.Mediation, 1, 7, start, start.AddHours(1), new ResidentKey(Channels.WeChat, "o1"), "楼上漏水", null, null,
        state, null, null, start.AddDays(-1));
}
