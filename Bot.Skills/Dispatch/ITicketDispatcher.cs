using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Grid;

namespace Bot.Skills.Dispatch;

/// <summary>派单: sends a freshly filed ticket to the person who answers for its building.</summary>
public interface ITicketDispatcher
{
    /// <returns>The dispatch, or null when no building or nobody reachable was found (the ticket stays 受理).</returns>
    Task<DispatchResult?> DispatchAsync(Ticket ticket, CancellationToken cancellationToken);
}

/// <param name="Assignee">The person the ticket is dispatched to.</param>
/// <param name="Notified">Everyone who got the card: the assignee, and for red tickets the compound's leader.</param>
public sealed record DispatchResult(Ticket Ticket, Person Assignee, IReadOnlyList<Person> Notified);
