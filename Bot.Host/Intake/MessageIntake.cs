using System.Data.Common;
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

    /// <summary>Re-runs a message that was accepted but not processed (after a restart); replies use the outbox.</summary>
    public Task ResumeAsync(AcceptedMessage accepted) =>
        queue.EnqueueAsync(accepted.Message.Resident, () => RunTurnAsync(accepted, ChannelPolicies.For(accepted.Message.Channel), pending: null, fresh: false));

    /// <summary>Runs the turn under the resident's cross-host lock; without the lock it stays in the inbox for later.</summary>
    private async Task<bool> RunTurnAsync(AcceptedMessage accepted, PassivePolicy policy, PendingTurn? pending, bool fresh)
    {
        var message = accepted.Message;
        IAsyncDisposable? held;
        try
        {
            held = await residentLock.TryAcquireAsync(message.Resident, lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Shutdown, or neither Redis nor the database could lock: the message is stored and is re-run later.
            LogLockFailed(ex, message.Channel, PersonalDataMasker.MaskId(message.UserId));
            held = null;
        }

        if (held is null)
        {
            LogLockNotTaken(message.Channel, PersonalDataMasker.MaskId(message.UserId), accepted.InboxId);
            pending?.Complete(IntakeResult.Later);
            await HandBackAsync(accepted.InboxId, inboxOptions.Value.RetryDelay).ConfigureAwait(false);
            return false;
        }

        await using (held.ConfigureAwait(false))
        {
            return await RunLockedTurnAsync(accepted, policy, pending, fresh).ConfigureAwait(false);
        }
    }

    /// <param name="fresh">True when this request's own insert stored the message, so it cannot have completed before.</param>
    private async Task<bool> RunLockedTurnAsync(AcceptedMessage accepted, PassivePolicy policy, PendingTurn? pending, bool fresh)
    {
        var message = accepted.Message;
        var stopping = lifetime.ApplicationStopping;
        TurnResult result;
        try
        {
            result = await (fresh ? engine.ProcessFreshAsync(message, stopping) : engine.ProcessAsync(message, stopping)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            pending?.Complete(IntakeResult.Later);

            // Stays unprocessed in the inbox; handed back at once so another host need not wait for the lease.
            await HandBackAsync(accepted.InboxId, TimeSpan.Zero).ConfigureAwait(false);
            return false;
        }
        catch (ConversationStateUnavailableException ex)
        {
            // State cannot be invented: like a shutdown, no apology; the message waits in the inbox to be re-run.
            LogStateUnavailable(ex, message.Channel, PersonalDataMasker.MaskId(message.UserId), accepted.InboxId);
            pending?.Complete(IntakeResult.Later);
            await HandBackAsync(accepted.InboxId, inboxOptions.Value.RetryDelay).ConfigureAwait(false);
            return false;
        }
        catch (Exception ex)
        {
            LogTurnFailed(ex, message.Channel, PersonalDataMasker.MaskId(message.UserId));
            result = new TurnResult([Reply.FromText(Apology)], "error");
        }

        if (result.Intent == Intents.Duplicate)
        {
            pending?.Complete(IntakeResult.Duplicate);
            return false;
        }

        var claimed = pending?.TryClaim() == true;
        var records = policy.Split(result.Replies, passiveAllowed: claimed);
        try
        {
            await inbox.CompleteAsync(accepted.InboxId, result.Intent, records, stopping).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Left unprocessed in the inbox: a recovery sweep here or on another host re-runs it, so nothing is lost.
            LogStoreFailed(ex, accepted.InboxId);
            await HandBackAsync(accepted.InboxId, inboxOptions.Value.RetryDelay).ConfigureAwait(false);
            pending?.Complete(IntakeResult.Later);
            return false;
        }

        if (records.Any(r => !r.Passive))
        {
            outboxSignal.Notify();
        }

        pending?.Complete(new IntakeResult(IntakeOutcome.Answered, records.Where(r => r.Passive).Select(r => r.Reply).ToList(), result.Intent));
        return true;
    }

    /// <summary>Shortens this host's lease on an unfinished message so a sweep retries it after <paramref name="delay"/>.</summary>
    private async Task HandBackAsync(long inboxId, TimeSpan delay)
    {
        try
        {
            await inbox.ReleaseAsync(inboxId, clock.GetUtcNow() + delay, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStorageOutage(ex))
        {
            // The database is away: the lease lapses by itself and the sweep takes the message then.
            LogHandBackFailed(ex, inboxId);
        }
    }

    /// <summary>The database refused or could not be reached (SQLite busy, PostgreSQL down or its pool exhausted, a timeout).</summary>
    internal static bool IsStorageOutage(Exception exception) => exception is DbException or TimeoutException;

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store a message on {Channel} from {User}; answered 503 so the sender retries")]
    private partial void LogAcceptFailed(Exception exception, string channel, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand inbox message {InboxId} back; its lease will lapse")]
    private partial void LogHandBackFailed(Exception exception, long inboxId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate delivery on {Channel} from {User} ignored")]
    private partial void LogDuplicate(string channel, string user);

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn failed on {Channel} for {User}; the resident got an apology")]
    private partial void LogTurnFailed(Exception exception, string channel, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not take the turn lock on {Channel} for {User}")]
    private partial void LogLockFailed(Exception exception, string channel, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The turn lock on {Channel} for {User} was not taken in time; inbox message {InboxId} waits to be re-run")]
    private partial void LogLockNotTaken(string channel, string user, long inboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation state unavailable on {Channel} for {User}; inbox message {InboxId} waits to be re-run")]
    private partial void LogStateUnavailable(Exception exception, string channel, string user, long inboxId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store the outcome of inbox message {InboxId}; it will be resumed")]
    private partial void LogStoreFailed(Exception exception, long inboxId);
}
