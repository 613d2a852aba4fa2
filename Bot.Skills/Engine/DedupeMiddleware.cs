namespace Bot.Skills.Engine;

/// <summary>Stops a delivery that already completed a turn from running again.</summary>
public sealed class DedupeMiddleware(ITurnLedger ledger) : ITurnMiddleware
{
    public async Task<TurnResult> InvokeAsync(TurnContext context, TurnDelegate next, CancellationToken cancellationToken)
    {
        var message = context.Message;

        // A fresh accept was deduplicated by the inbox's unique insert; only replays need the ledger read.
        if (!context.FreshlyAccepted && await ledger.IsCompletedAsync(message.Channel, message.MessageKey, cancellationToken).ConfigureAwait(false))
        {
            return TurnResult.Silent(Intents.Duplicate);
        }

        return await next(context, cancellationToken).ConfigureAwait(false);
    }
}
