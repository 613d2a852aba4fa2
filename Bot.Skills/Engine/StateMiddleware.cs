using Microsoft.Extensions.Options;

namespace Bot.Skills.Engine;

/// <summary>Loads the resident's conversation state before the turn and saves it after.</summary>
public sealed class StateMiddleware(
    IConversationStateStore store,
    IOptions<ConversationOptions> options,
    TimeProvider clock) : ITurnMiddleware
{
    public async Task<TurnResult> InvokeAsync(TurnContext context, TurnDelegate next, CancellationToken cancellationToken)
    {
        var resident = context.Message.Resident;
        context.State = await store.GetAsync(resident, cancellationToken).ConfigureAwait(false) ?? new ConversationState();

        // A location message or WeChat's periodic LOCATION report: remembered for skills that ask "where".
        if (context.Message.Location is { } location)
        {
            context.State.LastLocation = location;
        }

        var result = await next(context, cancellationToken).ConfigureAwait(false);

        var now = clock.GetUtcNow();
        var state = context.State;
        if (!string.IsNullOrWhiteSpace(context.Message.Text))
        {
            state.Remember("resident", context.Message.Text, context.Message.ReceivedAt);
        }

        foreach (var reply in result.Replies)
        {
            state.Remember("bot", reply.Kind == ReplyKind.Text ? reply.Text : $"[图文] {reply.Articles.FirstOrDefault()?.Title}", now);
        }

        state.UpdatedAt = now;
        await store.SaveAsync(resident, state, options.Value.StateTimeToLive, cancellationToken).ConfigureAwait(false);
        return result;
    }
}
