using Bot.Skills.Engine;

namespace Bot.Connectors.Storage;

public interface IInboxStore
{
    /// <summary>Stores a message before it is acknowledged.</summary>
    /// <returns>The inbox id, or null when this delivery was accepted before (a retry).</returns>
    Task<long?> AcceptAsync(InboundMessage message, CancellationToken cancellationToken);

    /// <summary>Marks the message processed and stores its replies, in one transaction.</summary>
    Task CompleteAsync(long inboxId, string intent, IReadOnlyList<OutboundRecord> replies, CancellationToken cancellationToken);

    /// <summary>Messages accepted but not processed, oldest first (after a crash or restart).</summary>
    Task<IReadOnlyList<AcceptedMessage>> ListUnprocessedAsync(CancellationToken cancellationToken);
}

public sealed record AcceptedMessage(long InboxId, InboundMessage Message);

/// <summary>A reply to store; <paramref name="Passive"/> when it goes out in the HTTP response.</summary>
public sealed record OutboundRecord(Reply Reply, bool Passive);
