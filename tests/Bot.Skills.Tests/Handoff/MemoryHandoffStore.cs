using Bot.Skills.Engine;
using Bot.Skills.Handoff;

namespace Bot.Skills.Tests.Handoff;

/// <summary>The session store's contract in memory, with the same conditional end.</summary>
internal sealed class MemoryHandoffStore : IHandoffSessionStore
{
    private readonly Lock _gate = new();
    private readonly List<HandoffSession> _sessions = [];

    public IReadOnlyList<HandoffSession> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _sessions];
            }
        }
    }

    public Task<HandoffSession> OpenAsync(NewHandoffSession session, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Active(s => s.Resident == session.Resident).FirstOrDefault() is { } existing)
            {
                return Task.FromResult(existing);
            }

            var opened = new HandoffSession(_sessions.Count + 1, session.Resident, session.PersonId, session.WorkerUserId, session.WorkerName, session.TicketNumber, at, at, null, null);
            _sessions.Add(opened);
            return Task.FromResult(opened);
        }
    }

    /// <summary>How often the per-resident lookup ran (the gate's hot-path read).</summary>
    public int Finds { get; private set; }

    public Task<HandoffSession?> FindActiveByResidentAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Finds++;
            return Task.FromResult(Active(s => s.Resident == resident).FirstOrDefault());
        }
    }

    public Task<IReadOnlyList<HandoffSession>> ListActiveByWorkerAsync(string weComUserId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<HandoffSession>>(Active(s => string.Equals(s.WorkerUserId, weComUserId, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(s => s.LastActivityAt).ThenByDescending(s => s.Id).ToList());
        }
    }

    public Task<IReadOnlyDictionary<long, int>> CountActiveByPersonAsync(IReadOnlyCollection<long> personIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<long, int>>(Active(s => personIds.Contains(s.PersonId)).GroupBy(s => s.PersonId).ToDictionary(g => g.Key, g => g.Count()));
        }
    }

    public Task<IReadOnlyList<HandoffSession>> ListIdleAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<HandoffSession>>(Active(s => s.LastActivityAt <= cutoff).ToList());
        }
    }

    public Task TouchAsync(long sessionId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Update(sessionId, s => s with { LastActivityAt = at });
        return Task.CompletedTask;
    }

    public Task<bool> EndAsync(long sessionId, HandoffEndReason reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(Update(sessionId, s => s with { EndedAt = at, EndReason = reason }));

    private IEnumerable<HandoffSession> Active(Func<HandoffSession, bool> where) => _sessions.Where(s => s.EndedAt is null && where(s));

    private bool Update(long id, Func<HandoffSession, HandoffSession> change)
    {
        lock (_gate)
        {
            var index = _sessions.FindIndex(s => s.Id == id && s.EndedAt is null);
            if (index < 0)
            {
                return false;
            }

            _sessions[index] = change(_sessions[index]);
            return true;
        }
    }
}
