namespace Bot.Skills.Engine;

/// <summary>
/// The last step of the pipeline: picks the skill for the turn. A skill that asked a question keeps the
/// conversation unless the resident clearly starts something else.
/// </summary>
public sealed class SkillRouter
{
    private readonly IReadOnlyDictionary<string, ISkill> _skills;
    private readonly IIntentRecognizer _recognizer;

    public SkillRouter(IEnumerable<ISkill> skills, IIntentRecognizer recognizer)
    {
        _skills = skills.ToDictionary(skill => skill.Intent, StringComparer.Ordinal);
        _recognizer = recognizer;
        if (!_skills.ContainsKey(Intents.Fallback))
        {
            throw new InvalidOperationException("A fallback skill must be registered.");
        }
    }

    public async Task<TurnResult> RouteAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var match = await _recognizer.RecognizeAsync(context, cancellationToken).ConfigureAwait(false);
        var skill = Choose(context, match);
        if (skill is null)
        {
            // Events such as unsubscribe, VIEW or LOCATION need no answer.
            return TurnResult.Silent(Intents.None);
        }

        context.Intent = skill.Intent;
        if (skill.Intent != Intents.Fallback)
        {
            context.State.MisunderstoodInARow = 0;
        }

        var replies = await skill.HandleAsync(context, cancellationToken).ConfigureAwait(false);
        return new TurnResult(replies, skill.Intent);
    }

    private ISkill? Choose(TurnContext context, IntentMatch? match)
    {
        var active = context.State.ActiveSkill;
        var recognised = match is not null && _skills.TryGetValue(match.Intent, out var found) ? found : null;
        if (active is not null && _skills.TryGetValue(active, out var activeSkill)
            && (recognised is null || recognised.Intent == active || match!.Confidence < 0.9))
        {
            return activeSkill;
        }

        if (recognised is not null)
        {
            if (active is not null && recognised.Intent != active)
            {
                context.State.EndDialogue();
            }

            return recognised;
        }

        return context.Message.Kind == InboundKind.Event ? null : _skills[Intents.Fallback];
    }
}
