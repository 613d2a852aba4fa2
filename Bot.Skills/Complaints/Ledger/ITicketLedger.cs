using Bot.Skills.Engine;

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

    /// <summary>
    /// A worker's load for fair dispatch: per actor, the tickets now in 派单 or 处置 whose latest dispatch that actor
    /// recorded. Actors with none are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> CountActiveDispatchesAsync(IReadOnlyCollection<string> actors, CancellationToken cancellationToken);

    /// <summary>The histories of the tickets filed in [from, to), by ticket number, in one query (for metrics).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<TicketHistoryEntry>>> HistoriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Tickets filed in [from, to), oldest first, for lists and exports.</summary>
    Task<IReadOnlyList<Ticket>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
