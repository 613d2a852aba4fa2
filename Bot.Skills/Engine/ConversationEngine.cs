using System.Diagnostics;
using Bot.Skills.Telemetry;

namespace Bot.Skills.Engine;

/// <summary>Runs one turn through the middleware pipeline and the router.</summary>
public sealed class ConversationEngine
{
    private readonly TurnDelegate _pipeline;
    private readonly BotMetrics _metrics;
    private readonly TimeProvider _clock;

    public ConversationEngine(IEnumerable<ITurnMiddleware> middlewares, SkillRouter router, BotMetrics metrics, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(router);
        TurnDelegate next = router.RouteAsync;
        foreach (var middleware in middlewares.Reverse())
        {
            var inner = next;
            next = (context, ct) => middleware.InvokeAsync(context, inner, ct);
        }

        _pipeline = next;
        _metrics = metrics;
        _clock = clock;
    }

    /// <summary>Runs a turn for a delivery that may have been processed before (a replay); the ledger is checked.</summary>
    public Task<TurnResult> ProcessAsync(InboundMessage message, CancellationToken cancellationToken) =>
        RunAsync(new TurnContext(message), cancellationToken);

    /// <summary>
    /// Runs a turn for a delivery the caller has just stored for the first time (its unique insert succeeded),
    /// so it cannot have completed a turn yet and the ledger read is skipped.
    /// </summary>
    public Task<TurnResult> ProcessFreshAsync(InboundMessage message, CancellationToken cancellationToken) =>
        RunAsync(new TurnContext(message) { FreshlyAccepted = true }, cancellationToken);

    /// <summary>One span and one latency/outcome measurement per turn, tagged by channel and intent only.</summary>
    private async Task<TurnResult> RunAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var channel = context.Message.Channel;
        using var activity = BotTelemetry.ActivitySource.StartActivity(BotTelemetry.TurnActivity);
        activity?.SetTag(BotTelemetry.ChannelTag, channel);
        var started = _clock.GetTimestamp();
        try
        {
            var result = await _pipeline(context, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(BotTelemetry.IntentTag, result.Intent);
            _metrics.TurnCompleted(channel, result.Intent, "ok", _clock.GetElapsedTime(started));
            return result;
        }
        catch (Exception ex)
        {
            activity?.SetTag(BotTelemetry.IntentTag, context.Intent);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            _metrics.TurnCompleted(channel, context.Intent, ex is OperationCanceledException ? "cancelled" : "error", _clock.GetElapsedTime(started));
            throw;
        }
    }
}
