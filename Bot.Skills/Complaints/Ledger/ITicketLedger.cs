using Bot.Skills.Engine;
using Bot.Skills.Escalation;

namespace Bot.Skills.Complaints.Ledger;

/// <summary>The ledger: tickets and their append-only histories.</summary>
public interface ITicketLedger
{
    /// <summary>问题入账: files a ticket with a new number and its first history entry.</summary>
    Task<Ticket> OpenAsync(NewTicket ticket, CancellationToken cancellationToken);

    /// <summary>动态记账: moves a ticket and records who did it and why.</summary>
    /// <exception cref="InvalidTicketTransitionException">The ledger does not allow that move.</exception>
    /// <exception cref="KeyNotFoundException">No such ticket.</exception>
    Task<Ticket> TransitionAsync(string number, TicketState to, string actor, string note, CancellationToken cancellationToken);

    /// <summary>动态记账 without a state change: a reply to the resident, a call made, a visit paid.</summary>
    Task<Ticket> AddNoteAsync(string number, string actor, string note, CancellationToken cancellationToken);

    /// <summary>Adds what the resident sent after filing (place, location, photos) and records it in the history.</summary>
    Task<Ticket> AddDetailsAsync(string number, string? place, GeoPoint? location, IReadOnlyList<string> photos, CancellationToken cancellationToken);

    /// <summary>Records the resident's rating and comment (in the ticket and its history).</summary>
    Task<Ticket> RateAsync(string number, int rating, string? comment, CancellationToken cancellationToken);

    Task<Ticket?> FindAsync(string number, CancellationToken cancellationToken);

    /// <summary>The resident's own tickets, newest first. Nobody else's are ever returned.</summary>
    Task<IReadOnlyList<Ticket>> ListForResidentAsync(ResidentKey resident, int max, CancellationToken cancellationToken);

    Task<IReadOnlyList<TicketHistoryEntry>> HistoryAsync(string number, CancellationToken cancellationToken);

    /// <summary>派单: moves a ticket and gives it to a roster person with a fresh SLA window (the reminder is re-armed).</summary>
    /// <exception cref="InvalidTicketTransitionException">The ledger does not allow that move.</exception>
    Task<Ticket> AssignAsync(string number, TicketState to, Assignment assignment, string actor, string note, CancellationToken cancellationToken);

    /// <summary>A worker's load for fair dispatch: per person, the tickets assigned to them now in 派单 or 处置. People with none are left out.</summary>
    Task<IReadOnlyDictionary<long, int>> CountOpenByAssigneeAsync(IReadOnlyCollection<long> personIds, CancellationToken cancellationToken);

    /// <summary>Records the first response (接单, 回复, 办结, 退回); later ones leave the time as it is.</summary>
    Task RecordResponseAsync(string number, CancellationToken cancellationToken);

    /// <summary>Tickets the SLA still watches: 受理, 派单 or 升级, no response yet, not already breached at the top.</summary>
    Task<IReadOnlyList<Ticket>> ListAwaitingResponseAsync(CancellationToken cancellationToken);

    /// <summary>Marks the reminder sent if the ticket still has the window <paramref name="responseDue"/> and no reminder.</summary>
    /// <returns>True for the one caller that should send it.</returns>
    Task<bool> MarkRemindedAsync(string number, DateTimeOffset? responseDue, CancellationToken cancellationToken);

    /// <summary>
    /// 超时升级: applies one breach if the ticket is still exactly as the sweep saw it (state, level, window, no
    /// response). With an assignment the ticket moves to 升级 and is dispatched to the new person; without one it
    /// stays where it is and is marked breached. The history records <paramref name="note"/> (and the new
    /// dispatch with <paramref name="dispatchNote"/>), with the system as actor.
    /// </summary>
    /// <returns>The ticket after, or null when another sweep or a response got there first.</returns>
    Task<Ticket?> EscalateAsync(Ticket seen, Assignment? to, string note, string? dispatchNote, CancellationToken cancellationToken);

    /// <summary>The histories of the tickets filed in [from, to), by ticket number, in one query (for metrics).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<TicketHistoryEntry>>> HistoriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Tickets filed in [from, to), oldest first, for lists and exports.</summary>
    Task<IReadOnlyList<Ticket>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
