using Bot.Skills.Engine;
using Bot.Skills.Escalation;

namespace Bot.Skills.Complaints.Ledger;

/// <summary>One case in the ledger (民生实事账本).</summary>
/// <param name="Number">Readable and unique, e.g. 2026-000123.</param>
/// <param name="Grid">The grid it belongs to (a compound name until the roster binds residents to buildings).</param>
/// <param name="Origin">Where it came from: 公众号, 模拟器, later 夜市 or 走访.</param>
public sealed record Ticket(
    string Number,
    ResidentKey Resident,
    string Category,
    Colour Colour,
    string Department,
    string Text,
    string? Place,
    string? Since,
    string? Grid,
    GeoPoint? Location,
    IReadOnlyList<string> PhotoMediaIds,
    TicketState State,
    string Origin,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int? Rating,
    string? RatingComment)
{
    /// <summary>The roster person the ticket is dispatched to; null until it is dispatched.</summary>
    public long? AssigneeId { get; init; }

    public EscalationLevel Level { get; init; }

    /// <summary>When the assignee is reminded that the first response is nearly due.</summary>
    public DateTimeOffset? RemindAt { get; init; }

    /// <summary>When the first response is due; null until dispatched (the SLA then runs from filing).</summary>
    public DateTimeOffset? ResponseDueAt { get; init; }

    public DateTimeOffset? RemindedAt { get; init; }

    /// <summary>The first 接单, 回复, 办结 or 退回; set once.</summary>
    public DateTimeOffset? RespondedAt { get; init; }

    /// <summary>Set when the SLA was breached with no higher level to go to; the sweep then leaves the ticket alone.</summary>
    public DateTimeOffset? BreachedAt { get; init; }
}

/// <summary>An append-only line of a ticket's history (动态记账).</summary>
public sealed record TicketHistoryEntry(DateTimeOffset At, string Actor, TicketState? From, TicketState To, string Note);

/// <summary>What the complaint skill knows when it files a ticket.</summary>
public sealed record NewTicket(
    ResidentKey Resident,
    ComplaintAssessment Assessment,
    string Text,
    string? Place,
    string? Since,
    string? Grid,
    GeoPoint? Location,
    IReadOnlyList<string> PhotoMediaIds,
    string Origin);
