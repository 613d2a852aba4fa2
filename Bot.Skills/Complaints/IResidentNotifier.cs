using Bot.Skills.Engine;

namespace Bot.Skills.Complaints;

/// <summary>Sends a resident a message outside a turn (a rating request, a reply from the grid).</summary>
public interface IResidentNotifier
{
    Task NotifyAsync(ResidentKey resident, Reply reply, CancellationToken cancellationToken);
}
