namespace Bot.Skills.Scheduling;

/// <summary>Why a slot cannot be booked; the first reason found, in this order.</summary>
public enum SlotProblem
{
    None,

    /// <summary>Starts before now plus the lead time (or is already past).</summary>
    TooSoon,

    /// <summary>Starts after the last day of the horizon.</summary>
    BeyondHorizon,

    /// <summary>The date is a closed date (holiday).</summary>
    Closed,

    /// <summary>Not wholly inside one of the venue's opening intervals that day.</summary>
    OutsideVenueHours,

    /// <summary>Not wholly inside the mediator's available hours that day.</summary>
    OutsideMediatorHours,

    /// <summary>The mediator already has the daily cap of sessions that day.</summary>
    MediatorFull,

    /// <summary>Overlaps, or comes within the buffer of, a session at the venue.</summary>
    VenueBusy,

    /// <summary>Overlaps, or comes within the buffer of, another session of the mediator.</summary>
    MediatorBusy,
}
