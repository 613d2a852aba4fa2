using Bot.Skills.Engine;

namespace Bot.Skills.Handoff;

/// <summary>
/// Live hand-off sessions. A resident has at most one active session; several hosts may share the store, so
/// opening and ending are conditional: the database, not the caller, decides who won.
/// </summary>
public interface IHandoffSessionStore
{
    /// <returns>The new session, or the resident's active one when they already have one.</returns>
    Task<HandoffSession> OpenAsync(NewHandoffSession session, DateTimeOffset at, CancellationToken cancellationToken);

    Task<HandoffSession?> FindActiveByResidentAsync(ResidentKey resident, CancellationToken cancellationToken);

    /// <summary>A worker's active sessions, most recently active first. WeCom userids compare case-insensitively.</summary>
    Task<IReadOnlyList<HandoffSession>> ListActiveByWorkerAsync(string weComUserId, CancellationToken cancellationToken);

    /// <summary>Active sessions per person (people with none are left out), for fair assignment.</summary>
    Task<IReadOnlyDictionary<long, int>> CountActiveByPersonAsync(IReadOnlyCollection<long> personIds, CancellationToken cancellationToken);

    /// <summary>Active sessions whose last activity is at or before <paramref name="cutoff"/>.</summary>
    Task<IReadOnlyList<HandoffSession>> ListIdleAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Records activity on an active session; an ended one stays ended.</summary>
    Task TouchAsync(long sessionId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <returns>True only for the call that ended it; false when it was already ended (by another host, say).</returns>
    Task<bool> EndAsync(long sessionId, HandoffEndReason reason, DateTimeOffset at, CancellationToken cancellationToken);
}
