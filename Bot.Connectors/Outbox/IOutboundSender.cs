using Bot.Connectors.Storage;

namespace Bot.Connectors.Outbox;

/// <summary>Sends stored replies through one channel's API.</summary>
public interface IOutboundSender
{
    string Channel { get; }

    Task<SendOutcome> SendAsync(OutboxItem item, CancellationToken cancellationToken);
}

public enum SendResult
{
    Sent,

    /// <summary>A passing failure: try again later.</summary>
    Retry,

    /// <summary>Not allowed now (quota, 48-hour window): keep until the resident writes again.</summary>
    Deferred,

    /// <summary>Will never succeed (blocked, unknown user): keep for review, do not retry.</summary>
    Failed,
}

public sealed record SendOutcome(SendResult Result, string Detail = "")
{
    public static readonly SendOutcome Sent = new(SendResult.Sent);
}
