using Bot.Skills.Complaints.Ledger;

namespace Bot.Skills.Complaints;

/// <summary>
/// Raises the alarm with the grid for an urgent ticket (the community's duty group). Implementations queue and
/// retry on their own and never throw: a resident in danger must get the safety advice whatever the network does.
/// </summary>
public interface IGridAlerter
{
    Task AlertAsync(Ticket ticket, CancellationToken cancellationToken);

    /// <summary>Tells the duty group that a ticket breached its SLA with nobody higher to escalate to.</summary>
    Task AlertOverdueAsync(Ticket ticket, string reason, CancellationToken cancellationToken);
}
