using Bot.Skills.Grid;

namespace Bot.Skills.Scheduling;

/// <summary>
/// Everything that decides whether a mediation session fits: the venue, the mediator and the rules. Dates and
/// hours are China time. Bookings may be given in any offset.
/// </summary>
public sealed record SlotQuery
{
    /// <summary>When the venue is open, e.g. "周一至周五 09:00-12:00；周一至周五 13:30-17:30" (a lunch gap).</summary>
    public required DutyHours VenueHours { get; init; }

    /// <summary>When the mediator is available; any time when not set.</summary>
    public DutyHours MediatorHours { get; init; } = DutyHours.AllDay;

    public TimeSpan SlotLength { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Free time kept between any two sessions of the same venue and of the same mediator.</summary>
    public TimeSpan Buffer { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Candidate starts are the opening of each interval plus whole steps (09:00, 09:30, …). Offered slots are
    /// alternatives, so they may overlap each other; a step of length plus buffer offers back-to-back sessions.
    /// </summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>No session starts sooner than this after now.</summary>
    public TimeSpan LeadTime { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Days searched, today (China) counting as the first: 14 from a Wednesday ends on the Tuesday after next.</summary>
    public int HorizonDays { get; init; } = 14;

    /// <summary>At most this many sessions a day for the mediator, counting <see cref="MediatorBookings"/>; null for no cap.</summary>
    public int? MediatorDailyCap { get; init; }

    /// <summary>Dates the venue is closed (holidays), in China time.</summary>
    public IReadOnlySet<DateOnly> ClosedDates { get; init; } = new HashSet<DateOnly>();

    /// <summary>Sessions already booked at the venue, whoever mediates them.</summary>
    public IReadOnlyList<TimeSlot> VenueBookings { get; init; } = [];

    /// <summary>Sessions the mediator already has, at any venue.</summary>
    public IReadOnlyList<TimeSlot> MediatorBookings { get; init; } = [];
}
