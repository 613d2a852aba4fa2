namespace Bot.Connectors.Storage.Bookings;

/// <summary>A booking as stored; times are Unix milliseconds.</summary>
public sealed class BookingRow
{
    public long Id { get; set; }

    /// <summary>Set right after the insert from the id (B2026-00017).</summary>
    public string Number { get; set; } = string.Empty;

    public int Kind { get; set; }

    public long VenueId { get; set; }

    public long? MediatorId { get; set; }

    public long StartMs { get; set; }

    public long EndMs { get; set; }

    public required string Channel { get; set; }

    public required string UserId { get; set; }

    public required string Topic { get; set; }

    public string? OtherParty { get; set; }

    public string? TicketNumber { get; set; }

    public int State { get; set; }

    public long? HeldUntilMs { get; set; }

    public int? Outcome { get; set; }

    /// <summary>Another time the mediator proposed, until the resident agrees to it.</summary>
    public long? ProposedStartMs { get; set; }

    public long CreatedAtMs { get; set; }

    public long UpdatedAtMs { get; set; }
}

/// <summary>
/// One 5-minute tick of a venue ("v:1") or a mediator ("m:7") taken by a booking ("b:12") or a council session
/// ("c:3"). The primary key (resource, tick) is what makes double booking impossible, whichever host writes.
/// </summary>
public sealed class BookingClaimRow
{
    public required string Resource { get; set; }

    public long TickMs { get; set; }

    public required string Owner { get; set; }
}

/// <summary>Sessions a mediator has on one China-time day; an update guarded by the cap keeps it within it.</summary>
public sealed class MediatorDayRow
{
    public long MediatorId { get; set; }

    /// <summary>yyyy-MM-dd in China time.</summary>
    public required string Day { get; set; }

    public int Count { get; set; }
}

public sealed class VenueRow
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public required string Address { get; set; }

    public required string OpeningHours { get; set; }

    public int Capacity { get; set; }

    public int SlotMinutes { get; set; }

    public int BufferMinutes { get; set; }

    /// <summary>yyyy-MM-dd dates separated by commas.</summary>
    public string ClosedDates { get; set; } = string.Empty;

    /// <summary>Session kind codes separated by commas.</summary>
    public required string Kinds { get; set; }

    public bool Active { get; set; }

    public long UpdatedAtMs { get; set; }
}

public sealed class MediatorProfileRow
{
    public long PersonId { get; set; }

    public int DailyCap { get; set; }
}

public sealed class CouncilSessionRow
{
    public long Id { get; set; }

    public long VenueId { get; set; }

    public long StartMs { get; set; }

    public long EndMs { get; set; }

    public required string Topic { get; set; }

    public int Seats { get; set; }

    public int Taken { get; set; }

    public bool Cancelled { get; set; }

    public long CreatedAtMs { get; set; }
}

public sealed class CouncilSeatRow
{
    public long SessionId { get; set; }

    public required string Channel { get; set; }

    public required string UserId { get; set; }

    public long JoinedAtMs { get; set; }
}
