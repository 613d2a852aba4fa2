using Bot.Skills.Mediation;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Bot.Connectors.Calendar;

/// <summary>An iCalendar file (RFC 5545) for one session, so residents and mediators can add it to their calendars.</summary>
public static class BookingIcs
{
    /// <param name="withWhom">The mediator's name for the resident's copy, or a masked resident for the mediator's.</param>
    public static string Write(Booking booking, Venue venue, string withWhom, string community)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(venue);
        var session = new CalendarEvent
        {
            // Stable per booking: a rescheduled session replaces the old entry instead of adding a second one.
            Uid = $"{booking.Number}@neighbourhood-bot",
            Summary = $"{community}{venue.Name}{booking.Kind.ChineseName()}（{booking.Number}）",
            Description = $"事项：{booking.Topic}\n{withWhom}\n如需改期或取消，请在公众号回复“我的预约”。",
            Location = string.IsNullOrEmpty(venue.Address) ? venue.Name : $"{venue.Name}，{venue.Address}",
            Start = new CalDateTime(booking.Start.UtcDateTime, "UTC"),
            End = new CalDateTime(booking.End.UtcDateTime, "UTC"),
            Status = booking.State is BookingState.Cancelled or BookingState.Expired ? "CANCELLED" : "CONFIRMED",
        };
        var calendar = new Ical.Net.Calendar();
        calendar.AddProperty("X-WR-CALNAME", $"{community}预约");
        calendar.Events.Add(session);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
