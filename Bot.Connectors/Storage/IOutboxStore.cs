using Bot.Skills.Engine;

namespace Bot.Connectors.Storage;

public interface IOutboxStore
{
    /// <summary>
    /// Claims up to <paramref name="max"/> due messages for sending. A resident's messages go out in order:
    /// a message is not claimed while an older one of the same resident is still waiting to be sent.
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Stores a message that is not a reply to a turn (a rating request, a notice).</summary>
    Task<long> EnqueueAsync(ResidentKey resident, Reply reply, CancellationToken cancellationToken);

    Task MarkSentAsync(long id, CancellationToken cancellationToken);

    Task MarkRetryAsync(long id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    Task MarkDeferredAsync(long id, string reason, CancellationToken cancellationToken);

    Task MarkFailedAsync(long id, string error, CancellationToken cancellationToken);

    /// <summary>
    /// Replies for a resident after <paramref name="afterId"/> that did not go in an HTTP response: sent or on their
    /// way. For a channel the resident polls (the simulator), stored is as good as delivered.
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> ListDeliveredAfterAsync(ResidentKey resident, long afterId, CancellationToken cancellationToken);

    /// <summary>The newest outbox id for the resident, or 0; a cursor for later replies.</summary>
    Task<long> LatestIdAsync(ResidentKey resident, CancellationToken cancellationToken);

    /// <summary>When the resident last wrote and how many API messages went out to them since.</summary>
    Task<ConversationWindow> GetWindowAsync(ResidentKey resident, CancellationToken cancellationToken);
}

/// <param name="Unprompted">
/// Not an answer to a resident's message but a notice sent on its own (a grid worker's reply, a rating request, a
/// reminder): outside WeChat's 48-hour window it may go as a template message instead of waiting.
/// </param>
public sealed record OutboxItem(long Id, ResidentKey Resident, Reply Reply, int Attempts, DateTimeOffset CreatedAt, bool Unprompted = false);

/// <param name="LastInboundAt">Null when the resident never wrote.</param>
public sealed record ConversationWindow(DateTimeOffset? LastInboundAt, int SentSinceInbound);
