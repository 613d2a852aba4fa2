using Bot.Connectors.Cluster;
using Bot.Connectors.Outbox;
using Bot.Connectors.Storage;
using Microsoft.Extensions.Options;
using Bot.Skills.Engine;
using Bot.Skills.Privacy;
using Bot.Skills.Telemetry;

namespace Bot.Host.Intake;

/// <summary>
/// Accepts a resident's message (stored before it is acknowledged), runs its turn in the resident's queue
/// under the resident's cross-host lock, and hands the replies either to the waiting request or to the outbox.
/// </summary>
public sealed partial class MessageIntake(
    IInboxStore inbox,
    DeliveryGate gate,
    IResidentLock residentLock,
    OutboxSignal outboxSignal,
    ResidentTurnQueue queue,
    ConversationEngine engine,
    BotMetrics metrics,
    IOptions<InboxOptions> inboxOptions,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<MessageIntake> logger)
{
    private const string Apology = "抱歉，系统刚才开了个小差，请稍后再试。紧急情况请直接拨打110/119/120。";

    /// <summary>Accepts a message and waits up to <paramref name="budget"/> for the replies.</summary>
    public async Task<IntakeResult> SubmitAsync(InboundMessage message, PassivePolicy policy, TimeSpan budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // The cheap first gate: a retry another delivery already marked never reaches the database.
        var mark = await gate.TryMarkAsync(message.Channel, message.MessageKey, cancellationToken).ConfigureAwait(false);
        if (mark == DeliveryMark.Seen)
        {
            LogDuplicate(message.Channel, PersonalDataMasker.MaskId(message.UserId));
            return IntakeResult.Duplicate;
        }

        Acceptance? accepted;
        try
        {
            accepted = await inbox.AcceptAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The insert runs in its own transaction, so a failure of any kind (the database down, a broken pooled
            // connection, a timeout) stored nothing: nothing is lost as long as the sender retries, which WeChat does,
            // and its retry must find the gate open again.
            if (mark == DeliveryMark.Marked)
            {
                await gate.ForgetAsync(message.Channel, message.MessageKey, CancellationToken.None).ConfigureAwait(false);
            }

            LogAcceptFailed(ex, message.Channel, PersonalDataMasker.MaskId(message.UserId));
            return IntakeResult.Unavailable;
        }

        if (accepted is null)
        {
            LogDuplicate(message.Channel, PersonalDataMasker.MaskId(message.UserId));
            return IntakeResult.Duplicate;
        }

        metrics.MessageReceived(message.Channel);

        // The accept re-armed replies held back by quota or the 48-hour window: they may go now.
        if (accepted.RearmedReplies > 0)
        {
            outboxSignal.Notify();
        }

        var pending = new PendingTurn();
        _ = queue.EnqueueAsync(message.Resident, () => RunTurnAsync(new AcceptedMessage(accepted.InboxId, message), policy, pending, fresh: true));

        // The request's own token is not passed on: the turn must always settle who carries the replies.
        return await pending.WaitAsync(budget, clock, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Re-runs a message accepted but not finished (by this host before a restart, or by a host that died); replies use the outbox.</summary>
    public Task ResumeAsync(AcceptedMessage accepted) =>
        queue.EnqueueAsync(accepted.Message.Resident, () => RunTurnAsync(accepted, ChannelPolicies.For(accepted.Message.Channel), pending: null, fresh: false));

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store a message on {Channel} from {User}; answered 503 so the sender retries")]
    private partial void LogAcceptFailed(Exception exception, string channel, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate delivery on {Channel} from {User} ignored")]
    private partial void LogDuplicate(string channel, string user);
}
