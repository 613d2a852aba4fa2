using Bot.Connectors.Storage;
using Bot.Skills.Engine;
using Bot.Skills.Privacy;

namespace Bot.Host.Intake;

/// <summary>The turn itself: under the resident's cross-host lock, its outcome stored with the replies in one go.</summary>
public sealed partial class MessageIntake
{
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
        catch (Exception ex) when (DbErrors.IsOutage(ex))
        {
            // The database is away: the lease lapses by itself and the sweep takes the message then.
            LogHandBackFailed(ex, inboxId);
        }
    }


    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand inbox message {InboxId} back; its lease will lapse")]
    private partial void LogHandBackFailed(Exception exception, long inboxId);

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
