using Bot.Connectors.Storage;
using Bot.Skills.Complaints;
using Bot.Skills.Engine;

namespace Bot.Connectors.Outbox;

/// <summary>A message to a resident outside a turn goes through the outbox like any reply: stored, then sent.</summary>
public sealed class OutboxResidentNotifier(IOutboxStore outbox, OutboxSignal signal) : IResidentNotifier
{
    public async Task NotifyAsync(ResidentKey resident, Reply reply, CancellationToken cancellationToken)
    {
        await outbox.EnqueueAsync(resident, reply, cancellationToken).ConfigureAwait(false);
        signal.Notify();
    }
}
