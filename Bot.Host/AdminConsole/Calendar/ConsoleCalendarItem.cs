using Bot.Skills.Events;
using Bot.Skills.Grid;
using Bot.Skills.Mediation;
using Bot.Skills.Privacy;

namespace Bot.Host.AdminConsole.Calendar;

/// <summary>
/// One entry of the console calendar: a booking (mediation or a council seat), a council session or an event session.
/// Residents and personal data in topics are masked.
/// </summary>
/// <param name="Kind"><c>mediation</c>, <c>council</c>, <c>night_market</c> or <c>visit_day</c>.</param>
/// <param name="Source"><c>booking</c>, <c>council_session</c> or <c>event</c>.</param>
public sealed record ConsoleCalendarItem(
    string Id, string Source, string Kind, string KindName, string Title, DateTimeOffset Start, DateTimeOffset End,
    long? VenueId, string Place, long? MediatorId, string? Mediator, string? Resident, string? Topic, string State, string StateName,
    string? Reason, int? Registrations, int? Seats, int? Taken)
{
    public static ConsoleCalendarItem FromBooking(Booking b, Venue? venue, Person? mediator) => new(
        b.Number, "booking", b.Kind.Code(), b.Kind.ChineseName(), $"{b.Kind.ChineseName()} {b.Number}", b.Start, b.End, b.VenueId,
        venue?.Name ?? $"场地 {b.VenueId}", b.MediatorId, mediator?.Name, PersonalDataMasker.MaskId(b.Resident.UserId),
        PersonalDataMasker.MaskText(b.Topic), b.State.ToString().ToLowerInvariant(), b.State.ChineseName(), null, null, null, null);

    public static ConsoleCalendarItem FromCouncil(CouncilSession s, Venue? venue) => new(
        $"C{s.Id}", "council_session", "council", "议事会", PersonalDataMasker.MaskText(s.Topic), s.Start, s.End, s.VenueId,
        venue?.Name ?? $"场地 {s.VenueId}", null, null, null, PersonalDataMasker.MaskText(s.Topic), "scheduled", "已排期", null, null, s.Seats, s.Taken);

    public static ConsoleCalendarItem FromEvent(EventOccurrence o, int registrations) => new(
        o.Id, "event", o.Schedule.Kind.Code(), o.Schedule.Kind.ChineseName(), o.Schedule.Title, o.Start, o.End, null, o.Place, null, null, null, null,
        o.Cancelled ? "cancelled" : o.Moved ? "moved" : "scheduled", o.Cancelled ? "已取消" : o.Moved ? "已调整" : "已排期",
        o.Exception?.Reason, registrations, null, null);
}
