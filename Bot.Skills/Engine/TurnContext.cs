namespace Bot.Skills.Engine;

/// <summary>Everything one turn needs; middleware fills it in as the turn passes through.</summary>
public sealed class TurnContext(InboundMessage message)
{
    public InboundMessage Message { get; } = message;

    /// <summary>
    /// True when the delivery was just stored for the first time, so no earlier turn can have completed it;
    /// false for replays (inbox recovery), which the dedupe middleware checks against the ledger.
    /// </summary>
    public bool FreshlyAccepted { get; init; }

    public ConversationState State { get; set; } = new();

    /// <summary>The intent chosen for this turn; set by the router.</summary>
    public string Intent { get; set; } = Intents.None;

    /// <summary>Per-turn scratch space, e.g. an assessment made while recognising the intent, reused by the skill.</summary>
    public Dictionary<string, object> Items { get; } = new(StringComparer.Ordinal);
}

public delegate Task<TurnResult> TurnDelegate(TurnContext context, CancellationToken cancellationToken);

/// <summary>One step of the per-turn pipeline (dedupe → state → router).</summary>
public interface ITurnMiddleware
{
    Task<TurnResult> InvokeAsync(TurnContext context, TurnDelegate next, CancellationToken cancellationToken);
}
