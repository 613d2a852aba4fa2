namespace Bot.Benchmarks;

/// <summary>How one callback was answered.</summary>
public enum Outcome
{
    /// <summary>What the target should answer: for the bot, a 200 encrypted passive reply.</summary>
    Expected,

    /// <summary>A 200 "success": the bot accepted the message but will reply later through the outbox.</summary>
    DeferredSuccess,

    /// <summary>Anything else: a non-200, an unexpected body, a transport failure or a timeout.</summary>
    Error,
}
