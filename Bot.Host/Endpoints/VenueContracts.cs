using Bot.Skills.Grid;
using Bot.Skills.Mediation;
using Bot.Skills.Privacy;

namespace Bot.Host.Endpoints;

/// <summary>A venue as staff edit it. Kinds are codes (mediation, council) or 调解/议事; dates are yyyy-MM-dd.</summary>
public sealed record VenueDto(
    long Id, string Name, string Address, string OpeningHours, int Capacity, int SlotMinutes, int BufferMinutes,
    IReadOnlyList<string> ClosedDates, IReadOnlyList<string> Kinds, bool Active)
{
    public static VenueDto From(Venue v) => new(
        v.Id, v.Name, v.Address, v.OpeningHours.Text, v.Capacity, v.SlotMinutes, v.BufferMinutes,
        v.ClosedDates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        v.Kinds.Select(k => k.Code()).ToList(), v.Active);
}

public sealed record VenueRequest(
    long? Id, string? Name, string? Address, string? OpeningHours, int? Capacity, int? SlotMinutes, int? BufferMinutes,
    IReadOnlyList<string>? ClosedDates, IReadOnlyList<string>? Kinds, bool? Active);

public sealed record MediatorDto(long PersonId, string Name, string? WeComUserId, IReadOnlyList<string> Specialties, string AvailableHours, int DailyCap, bool Active)
{
    public static MediatorDto From(Person p, MediatorProfile profile) =>
        new(p.Id, p.Name, p.WeComUserId, p.Specialties, p.DutyHours.Text, profile.DailyCap, p.Active);
}

public sealed record MediatorRequest(int? DailyCap);

/// <summary>One entry of the booking calendar; the resident is shown masked.</summary>
public sealed record BookingDto(
    string Number, string Kind, long VenueId, long? MediatorId, DateTimeOffset Start, DateTimeOffset End, string Resident,
    string Topic, string? TicketNumber, string State, string StateName, string? Outcome)
{
    public static BookingDto From(Booking b) => new(
        b.Number, b.Kind.Code(), b.VenueId, b.MediatorId, b.Start, b.End, PersonalDataMasker.MaskId(b.Resident.UserId),
        PersonalDataMasker.MaskText(b.Topic), b.TicketNumber, b.State.ToString().ToLowerInvariant(), b.State.ChineseName(), b.Outcome?.ChineseName());
}

public sealed record CouncilSessionDto(long Id, long VenueId, DateTimeOffset Start, DateTimeOffset End, string Topic, int Seats, int Taken, int SeatsLeft)
{
    public static CouncilSessionDto From(CouncilSession s) => new(s.Id, s.VenueId, s.Start, s.End, s.Topic, s.Seats, s.Taken, s.SeatsLeft);
}

public sealed record CouncilSessionRequest(long? VenueId, DateTimeOffset? Start, DateTimeOffset? End, string? Topic, int? Seats);

public sealed record CalendarDto(IReadOnlyList<BookingDto> Bookings, IReadOnlyList<CouncilSessionDto> CouncilSessions);
