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

    /// <summary>Runs a turn for a delivery that may have been processed before (a replay); the ledger is checked.</summary>
    public Task<TurnResult> ProcessAsync(InboundMessage message, CancellationToken cancellationToken) =>
        _pipeline(new TurnContext(message), cancellationToken);

    /// <summary>
    /// Runs a turn for a delivery the caller has just stored for the first time (its unique insert succeeded),
    /// so it cannot have completed a turn yet and the ledger read is skipped.
    /// </summary>
    public Task<TurnResult> ProcessFreshAsync(InboundMessage message, CancellationToken cancellationToken) =>
        _pipeline(new TurnContext(message) { FreshlyAccepted = true }, cancellationToken);
}
