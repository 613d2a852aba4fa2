using System.Globalization;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Bot.Skills.Mediation;

namespace Bot.Connectors.Storage.Bookings;

internal static class BookingRowMapping
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static Booking ToBooking(this BookingRow row) => new(
        row.Number,
        (SessionKind)row.Kind,
        row.VenueId,
        row.MediatorId,
        At(row.StartMs),
        At(row.EndMs),
        new ResidentKey(row.Channel, row.UserId),
        row.Topic,
        row.OtherParty,
        row.TicketNumber,
        (BookingState)row.State,
        row.HeldUntilMs is { } held ? At(held) : null,
        row.Outcome is { } outcome ? (MediationOutcome)outcome : null,
        At(row.CreatedAtMs),
        row.ProposedStartMs is { } proposed ? At(proposed) : null);

    /// <summary>B + the year it was made (China time) + the row id: unique without a counter table.</summary>
    public static string NumberFor(BookingRow row) =>
        string.Create(CultureInfo.InvariantCulture, $"B{At(row.CreatedAtMs).ToOffset(China).Year}-{row.Id:D5}");

    public static Venue ToVenue(this VenueRow row) => new(
        row.Id,
        row.Name,
        row.Address,
        DutyHours.Parse(row.OpeningHours),
        row.Capacity,
        row.SlotMinutes,
        row.BufferMinutes,
        row.ClosedDates.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList(),
        row.Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => SessionKinds.TryParse(k, out var kind) ? kind : SessionKind.Mediation).Distinct().ToList(),
        row.Active);

    public static void CopyFrom(this VenueRow row, Venue venue, long nowMs)
    {
        row.Name = venue.Name.Trim();
        row.Address = venue.Address.Trim();
        row.OpeningHours = venue.OpeningHours.Text;
        row.Capacity = venue.Capacity;
        row.SlotMinutes = venue.SlotMinutes;
        row.BufferMinutes = venue.BufferMinutes;
        row.ClosedDates = string.Join(',', venue.ClosedDates.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        row.Kinds = string.Join(',', venue.Kinds.Distinct().Select(k => k.Code()));
        row.Active = venue.Active;
        row.UpdatedAtMs = nowMs;
    }

    public static CouncilSession ToSession(this CouncilSessionRow row) =>
        new(row.Id, row.VenueId, At(row.StartMs), At(row.EndMs), row.Topic, row.Seats, row.Taken, row.Cancelled);

    public static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
