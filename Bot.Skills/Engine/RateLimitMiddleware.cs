using Microsoft.Extensions.Options;

namespace Bot.Skills.Engine;

/// <summary>
/// Stops a resident flooding the bot: over <see cref="IntakeOptions.MaxMessagesPerMinute"/> the turn gets a
/// polite reply and no skill runs. The message still completes (it is recorded as processed).
/// </summary>
public sealed class RateLimitMiddleware(IResidentRateLimiter limiter, IOptions<IntakeOptions> options) : ITurnMiddleware
{
    public const string TooFast = "您发送得太频繁了，请稍后再试。紧急情况请直接拨打110/119/120。";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public async Task<TurnResult> InvokeAsync(TurnContext context, TurnDelegate next, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxMessagesPerMinute;
        if (limit > 0 && context.FreshlyAccepted && !await limiter.TryAcquireAsync(context.Message.Resident, limit, Window, cancellationToken).ConfigureAwait(false))
        {
            return new TurnResult([Reply.FromText(TooFast)], Intents.RateLimited);
        }

        return await next(context, cancellationToken).ConfigureAwait(false);
    }
}
