using Bot.Skills.Engine;

namespace Bot.Skills.Mediation;

/// <summary>
/// Bookings and council seats. The store, not the caller, guarantees that a venue and a mediator are never
/// double-booked (buffers included) and that daily caps and seat counts hold — under concurrency and across hosts.
/// </summary>
public interface IBookingStore
{
    /// <summary>Holds a slot for the resident until <see cref="HoldRequest.HeldUntil"/>. Expired holds are released first.</summary>
    Task<HoldResult> HoldAsync(HoldRequest request, CancellationToken cancellationToken);

    /// <summary>The resident confirms their held booking; null when it is not theirs, not held, or the hold ran out.</summary>
    Task<Booking?> ConfirmAsync(string number, ResidentKey resident, CancellationToken cancellationToken);

    /// <summary>Cancels and frees the slot. A resident may cancel only their own (pass null for staff).</summary>
    Task<Booking?> CancelAsync(string number, ResidentKey? resident, CancellationToken cancellationToken);

    /// <summary>Moves a booking to another time in one step: the old slot is freed only if the new one is free.</summary>
    Task<HoldResult> RescheduleAsync(string number, ResidentKey? resident, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>Gives the booking to another mediator (after a decline); fails when that mediator is busy or capped.</summary>
    Task<HoldResult> ReassignAsync(string number, long mediatorId, CancellationToken cancellationToken);

    /// <summary>The mediator accepts a confirmed booking.</summary>
    Task<Booking?> AcceptAsync(string number, long mediatorId, CancellationToken cancellationToken);

    /// <summary>The booking's mediator proposes another start; the resident's agreement moves it (<see cref="RescheduleAsync"/>).</summary>
    Task<Booking?> ProposeAsync(string number, long mediatorId, DateTimeOffset start, CancellationToken cancellationToken);

    /// <summary>After the session: the outcome, which completes the booking.</summary>
    Task<Booking?> RecordOutcomeAsync(string number, long mediatorId, MediationOutcome outcome, CancellationToken cancellationToken);

    Task<Booking?> FindAsync(string number, CancellationToken cancellationToken);

    /// <summary>The resident's own bookings, newest first; nobody else's.</summary>
    Task<IReadOnlyList<Booking>> ListForResidentAsync(ResidentKey resident, CancellationToken cancellationToken);

    /// <summary>Bookings starting in [from, to), for the calendar.</summary>
    Task<IReadOnlyList<Booking>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>What occupies a venue or a mediator in [from, to), for offering free slots.</summary>
    Task<IReadOnlyList<BusyInterval>> BusyAsync(long venueId, long? mediatorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Creates a council session and reserves its venue; null when the venue is taken then.</summary>
    Task<CouncilSession?> CreateCouncilSessionAsync(NewCouncilSession session, CancellationToken cancellationToken);

    /// <summary>Upcoming council sessions from <paramref name="from"/>, soonest first.</summary>
    Task<IReadOnlyList<CouncilSession>> ListCouncilSessionsAsync(DateTimeOffset from, CancellationToken cancellationToken);

    Task<SeatResult> JoinCouncilAsync(long sessionId, ResidentKey resident, CancellationToken cancellationToken);

    Task<IReadOnlyList<CouncilSession>> ListCouncilSeatsAsync(ResidentKey resident, CancellationToken cancellationToken);
}

public sealed record HoldRequest(
    SessionKind Kind,
    long VenueId,
    long? MediatorId,
    DateTimeOffset Start,
    DateTimeOffset End,
    ResidentKey Resident,
    string Topic,
    string? OtherParty,
    string? TicketNumber,
    DateTimeOffset HeldUntil);

public enum HoldStatus
{
    Held,

    /// <summary>The venue is taken (or too close to another session) at that time.</summary>
    VenueTaken,

    /// <summary>The mediator has another session at (or too close to) that time.</summary>
    MediatorBusy,

    /// <summary>The mediator already has their maximum sessions that day.</summary>
    MediatorCapReached,

    /// <summary>No such booking (or not the resident's), or it can no longer change.</summary>
    NotFound,
}

public sealed record HoldResult(HoldStatus Status, Booking? Booking)
{
    public bool Succeeded => Status == HoldStatus.Held;
}

/// <param name="Venue">It occupies the venue asked about.</param>
/// <param name="Mediator">It occupies the mediator asked about (and counts towards their daily cap).</param>
public sealed record BusyInterval(DateTimeOffset Start, DateTimeOffset End, bool Venue, bool Mediator = false);

public sealed record NewCouncilSession(long VenueId, DateTimeOffset Start, DateTimeOffset End, string Topic, int Seats);
