namespace Bot.Skills.Dispatch;

/// <summary>
/// Sends a grid worker a work card in WeCom. Implementations queue the message durably, so a dispatch is never
/// lost to a WeCom outage; they may still throw when the queue itself cannot be written.
/// </summary>
public interface IStaffNotifier
{
    Task NotifyAsync(string weComUserId, StaffCard card, CancellationToken cancellationToken);
}

/// <summary>What a worker sees about a ticket: personal data in it is already masked.</summary>
public sealed record StaffCard(string TicketNumber, string Title, string Description);
