using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;

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
        row.RatingComment);

    public static TicketHistoryEntry ToEntry(this TicketHistoryRow row) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(row.AtMs),
        row.Actor,
        row.FromState is { } from ? (TicketState)from : null,
        (TicketState)row.ToState,
        row.Note);
}
