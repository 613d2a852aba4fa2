using Bot.Connectors.Outbox;
using Bot.Connectors.Storage;
using Bot.Skills.Dispatch;
using Bot.Skills.Engine;

namespace Bot.Connectors.Grid;

/// <summary>
/// Queues a work card for a grid worker as a WeCom app message. Through the outbox it survives a restart and is
/// retried like any reply, and the resident's turn never waits for WeCom.
/// </summary>
public sealed class OutboxStaffNotifier(IOutboxStore outbox, OutboxSignal signal) : IStaffNotifier
{
    /// <summary>The outbox channel of app messages; the "user" is the member's WeCom userid.</summary>
    public const string AppChannel = "wecom-app";

    public async Task NotifyAsync(string weComUserId, StaffCard card, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(weComUserId);
        ArgumentNullException.ThrowIfNull(card);
        await outbox.EnqueueAsync(new ResidentKey(AppChannel, weComUserId), Render(card), cancellationToken).ConfigureAwait(false);
        signal.Notify();
    }

    /// <summary>Plain text: a text card needs a link, and workers have no ticket page to open yet.</summary>
    public static Reply Render(StaffCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Reply.FromText($"{card.Title}\n{card.Description}");
    }
}
