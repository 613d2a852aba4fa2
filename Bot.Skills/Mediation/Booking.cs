using Bot.Skills.Engine;

namespace Bot.Skills.Mediation;

/// <summary>
/// A booked session. A booking is held while the resident confirms, then confirmed; the mediator accepts or
/// declines it; after the session the mediator records the outcome.
/// </summary>
/// <param name="Number">Readable and unique, e.g. B2026-00017.</param>
/// <param name="OtherParty">The other party's contact as given, or null when the community is to invite them.</param>
/// <param name="TicketNumber">The ledger ticket the session is about, if any.</param>
public sealed record Booking(
    string Number,
    SessionKind Kind,
    long VenueId,
    long? MediatorId,
    DateTimeOffset Start,
    DateTimeOffset End,
    ResidentKey Resident,
    string Topic,
    string? OtherParty,
    string? TicketNumber,
    BookingState State,
    DateTimeOffset? HeldUntil,
    MediationOutcome? Outcome,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ProposedStart = null);

public enum BookingState
{
    /// <summary>Held for the resident while they confirm; released when the hold runs out.</summary>
    Held,

    /// <summary>The resident confirmed; waiting for the mediator.</summary>
    Confirmed,

    /// <summary>The mediator accepted.</summary>
    Accepted,

    Cancelled,

    /// <summary>The hold ran out before the resident confirmed.</summary>
    Expired,

    /// <summary>The session took place and its outcome is recorded.</summary>
    Completed,
}

/// <summary>调解成功 / 未成功 / 需再次调解.</summary>
public enum MediationOutcome
{
    Settled,
    NotSettled,
    NeedsAnotherSession,
}

public static class BookingStates
{
    /// <summary>States that occupy the venue and the mediator.</summary>
    public static bool Occupies(this BookingState state) => state is BookingState.Held or BookingState.Confirmed or BookingState.Accepted;

    public static string ChineseName(this BookingState state) => state switch
    {
        BookingState.Held => "待确认",
        BookingState.Confirmed => "已预约，待调解员确认",
        BookingState.Accepted => "调解员已确认",
        BookingState.Cancelled => "已取消",
        BookingState.Expired => "已过期",
        BookingState.Completed => "已完成",
        _ => state.ToString(),
    };

    public static string ChineseName(this MediationOutcome outcome) => outcome switch
    {
        MediationOutcome.Settled => "调解成功",
        MediationOutcome.NotSettled => "调解未成功",
        _ => "需再次调解",
    };
}
