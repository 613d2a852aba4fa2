namespace Bot.Connectors.Storage;

/// <summary>A reply stored before it is sent; the dispatcher sends and retries it.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string UserId { get; set; }

    public long? InboxId { get; set; }

    /// <summary>The reply as JSON.</summary>
    public required string Payload { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public long CreatedAtMs { get; set; }

    public long NextAttemptAtMs { get; set; }

    /// <summary>While <see cref="OutboxStatus.Sending"/>: when the claim lapses (the sender died).</summary>
    public long LeaseUntilMs { get; set; }

    public long? SentAtMs { get; set; }

    public string? LastError { get; set; }
}

public enum OutboxStatus
{
    /// <summary>Waiting for the dispatcher.</summary>
    Pending = 0,

    /// <summary>Claimed by a dispatcher.</summary>
    Sending = 1,

    /// <summary>Delivered through the channel's API.</summary>
    Sent = 2,

    /// <summary>Delivered in the HTTP response to the resident's own message.</summary>
    Passive = 3,

    /// <summary>Cannot go out now (quota or 48-hour window); re-armed at the resident's next contact.</summary>
    Deferred = 4,

    /// <summary>Given up after repeated failures or a permanent error; kept for review.</summary>
    Failed = 5,
}
