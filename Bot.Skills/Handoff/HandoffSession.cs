using Bot.Skills.Engine;

namespace Bot.Skills.Handoff;

/// <summary>A live conversation between a resident and one staff member, relayed through the bot.</summary>
/// <param name="PersonId">The roster person the resident talks to.</param>
/// <param name="WorkerUserId">Their WeCom account, where the resident's messages are relayed.</param>
/// <param name="TicketNumber">The red ticket that opened the session, if one did.</param>
public sealed record HandoffSession(
    long Id,
    ResidentKey Resident,
    long PersonId,
    string WorkerUserId,
    string WorkerName,
    string? TicketNumber,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActivityAt,
    DateTimeOffset? EndedAt,
    HandoffEndReason? EndReason)
{
    public bool IsIdle(DateTimeOffset now, TimeSpan timeout) => EndedAt is null && now - LastActivityAt >= timeout;
}

/// <summary>What opening a session needs; the store assigns the id and the times.</summary>
public sealed record NewHandoffSession(ResidentKey Resident, long PersonId, string WorkerUserId, string WorkerName, string? TicketNumber);

public enum HandoffEndReason
{
    /// <summary>The worker sent 结束.</summary>
    Worker,

    /// <summary>Nobody wrote for the configured idle time.</summary>
    Timeout,
}
