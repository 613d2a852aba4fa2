using Bot.Skills.Complaints;
using Bot.Skills.Engine;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Handoff;

/// <summary>
/// Between state and router: while the resident has a live session, their messages go to the worker and the bot
/// stays quiet. A session idle past the timeout ends here and the turn goes to the router, so the bot answers
/// again. Events (menu clicks, location reports) are not relayed. A message that names a present danger is relayed
/// and answered: the safety advice must not wait for a person to read it.
/// </summary>
public sealed class HandoffGate(
    IHandoffSessionStore sessions,
    HandoffRelay relay,
    ISafetyRules safety,
    IOptions<HandoffOptions> options,
    TimeProvider clock) : ITurnMiddleware
{
    public async Task<TurnResult> InvokeAsync(TurnContext context, TurnDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var (message, state) = (context.Message, context.State);

        // The store is read only when a session may exist: the flag is set, or the state is new (it expired while a
        // worker kept the session alive, or another host's state was lost). Most turns skip the read.
        var mayHaveSession = state.InHandoff || state.UpdatedAt == default;
        if (message.Kind == InboundKind.Event || !mayHaveSession)
        {
            return await next(context, cancellationToken).ConfigureAwait(false);
        }

        if (await sessions.FindActiveByResidentAsync(message.Resident, cancellationToken).ConfigureAwait(false) is not { } session)
        {
            state.InHandoff = false;
            return await next(context, cancellationToken).ConfigureAwait(false);
        }

        state.InHandoff = true;
        if (session.IsIdle(clock.GetUtcNow(), options.Value.IdleTimeout))
        {
            state.InHandoff = false;
            var ended = await relay.EndIdleAsync(session, tellResident: false, cancellationToken).ConfigureAwait(false);
            var result = await next(context, cancellationToken).ConfigureAwait(false);
            return ended ? result with { Replies = [Reply.FromText(HandoffTexts.TimedOutBeforeTurn), .. result.Replies] } : result;
        }

        await relay.FromResidentAsync(session, message, cancellationToken).ConfigureAwait(false);

        // A red ticket opened the session and still waits for its place: the answer must reach the ticket too.
        var danger = message.Text is { Length: > 0 } text && safety.Evaluate(text).Alert is not null;
        return danger || ComplaintSkill.IsAwaitingFiledDetails(context.State)
            ? await next(context, cancellationToken).ConfigureAwait(false)
            : TurnResult.Silent(Intents.Handoff);
    }
}
