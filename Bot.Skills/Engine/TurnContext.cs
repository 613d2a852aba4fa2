namespace Bot.Skills.Engine;

/// <summary>Everything one turn needs; middleware fills it in as the turn passes through.</summary>
public sealed class TurnContext(InboundMessage message)
{
    public InboundMessage Message { get; } = message;

    public ConversationState State { get; set; } = new();

    /// <summary>The intent chosen for this turn; set by the router.</summary>
    public string Intent { get; set; } = Intents.None;
}

public delegate Task<TurnResult> TurnDelegate(TurnContext context, CancellationToken cancellationToken);

/// <summary>One step of the per-turn pipeline (dedupe → state → router).</summary>
public interface ITurnMiddleware
{
    Task<TurnResult> InvokeAsync(TurnContext context, TurnDelegate next, CancellationToken cancellationToken);
}
