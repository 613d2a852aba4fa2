using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.Skills.Escalation;

namespace Bot.Connectors.Storage.Tickets;

internal static class TicketRowMapping
{
    public static Ticket ToTicket(this TicketRow row) => new(
        row.Number,
        new ResidentKey(row.Channel, row.UserId),
        row.Category,
        (Colour)row.Colour,
        row.Department,
        row.Text,
        row.Place,
        row.Since,
        row.Grid,
        row.Latitude is { } lat && row.Longitude is { } lon ? new GeoPoint(lat, lon) : null,
        row.Photos.Length == 0 ? [] : row.Photos.Split('\n'),
        (TicketState)row.State,
        row.Origin,
        DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs),
        DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAtMs),
        row.Rating,
        row.RatingComment)
    {
        AssigneeId = row.AssigneeId,
        Level = (EscalationLevel)row.Level,
        RemindAt = Time(row.RemindAtMs),
        ResponseDueAt = Time(row.ResponseDueAtMs),
        RemindedAt = Time(row.RemindedAtMs),
        RespondedAt = Time(row.RespondedAtMs),
        BreachedAt = Time(row.BreachedAtMs),
    };

    public static long? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    private static DateTimeOffset? Time(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    public static TicketHistoryEntry ToEntry(this TicketHistoryRow row) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(row.AtMs),
        row.Actor,
        row.FromState is { } from ? (TicketState)from : null,
        (TicketState)row.ToState,
        row.Note);
}
