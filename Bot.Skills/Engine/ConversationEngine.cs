namespace Bot.Skills.Engine;

/// <summary>Runs one turn through the middleware pipeline and the router.</summary>
public sealed class ConversationEngine
{
    private readonly TurnDelegate _pipeline;

    public ConversationEngine(IEnumerable<ITurnMiddleware> middlewares, SkillRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        TurnDelegate next = router.RouteAsync;
        foreach (var middleware in middlewares.Reverse())
        {
            var inner = next;
            next = (context, ct) => middleware.InvokeAsync(context, inner, ct);
        }

        _pipeline = next;
    }

    public Task<TurnResult> ProcessAsync(InboundMessage message, CancellationToken cancellationToken) =>
        _pipeline(new TurnContext(message), cancellationToken);
}
