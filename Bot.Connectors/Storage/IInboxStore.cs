using Bot.Skills.Engine;

namespace Bot.Connectors.Storage;

public interface IInboxStore
{
    /// <summary>
    /// Stores a message before it is acknowledged and, in the same transaction, re-arms the resident's
    /// deferred replies (the resident is in touch again, so quota or the 48-hour window may allow them now).
    /// </summary>
    /// <returns>The acceptance, or null when this delivery was accepted before (a retry).</returns>
    Task<Acceptance?> AcceptAsync(InboundMessage message, CancellationToken cancellationToken);

    /// <summary>Marks the message processed and stores its replies, in one transaction.</summary>
    Task CompleteAsync(long inboxId, string intent, IReadOnlyList<OutboundRecord> replies, CancellationToken cancellationToken);

    /// <summary>
    /// Leases to this host the unprocessed messages nobody is running any more (lease lapsed), oldest first;
    /// <paramref name="atStartup"/> also those this instance held before it restarted (on SQLite: all of them).
    /// </summary>
    Task<IReadOnlyList<AcceptedMessage>> ClaimStrandedAsync(bool atStartup, CancellationToken cancellationToken);

    /// <summary>Hands an unprocessed message back so that a sweep retries it at <paramref name="retryAt"/>.</summary>
    Task ReleaseAsync(long inboxId, DateTimeOffset retryAt, CancellationToken cancellationToken);
}

/// <param name="InboxId">The stored message's id.</param>
/// <param name="RearmedReplies">How many deferred replies to this resident became due again.</param>
public sealed record Acceptance(long InboxId, int RearmedReplies);

public sealed record AcceptedMessage(long InboxId, InboundMessage Message);

/// <summary>A reply to store; <paramref name="Passive"/> when it goes out in the HTTP response.</summary>
public sealed record OutboundRecord(Reply Reply, bool Passive);
