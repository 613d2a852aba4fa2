namespace Bot.Connectors.Storage;

/// <summary>A message accepted from a resident, stored before it is acknowledged.</summary>
public sealed class InboxMessage
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string UserId { get; set; }

    /// <summary>Unique per channel: a retry of the same delivery collides here.</summary>
    public required string MessageKey { get; set; }

    /// <summary>The channel-neutral message as JSON.</summary>
    public required string Payload { get; set; }

    public InboxStatus Status { get; set; }

    public string? Intent { get; set; }

    public long ReceivedAtMs { get; set; }

    public long? ProcessedAtMs { get; set; }

    /// <summary>The host running (or last to run) the turn; see <see cref="InboxOptions"/>.</summary>
    public string? OwnerId { get; set; }

    /// <summary>Until then only <see cref="OwnerId"/> runs the turn; afterwards any host may take it over.</summary>
    public long LeaseUntilMs { get; set; }
}

public enum InboxStatus
{
    Received = 0,
    Processed = 1,
}
