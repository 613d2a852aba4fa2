using Bot.Connectors.Outbox;
using Bot.Connectors.Storage;
using Bot.Connectors.WeCom;
using Bot.Skills.Engine;

namespace Bot.Connectors.Grid;

/// <summary>Queues a late answer to a staff member as an app message, durably and paced like every other.</summary>
public sealed class OutboxWeComLateReply(IOutboxStore outbox, OutboxSignal signal) : IWeComLateReply
{
    public async Task SendAsync(string weComUserId, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(weComUserId);
        await outbox.EnqueueAsync(new ResidentKey(OutboxStaffNotifier.AppChannel, weComUserId), Reply.FromText(text), cancellationToken).ConfigureAwait(false);
        signal.Notify();
    }
}
