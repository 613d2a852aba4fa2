using Bot.Skills.Language;
using Microsoft.Extensions.Logging;

namespace Bot.Skills.Engine;

/// <summary>
/// Asks the language model (prompt <c>engine/intent</c>) what a message is about when no keyword source claimed it.
/// Order 500: after the keyword, small-talk and skill sources (≤ 110), before the complaint classifier (1000). It runs
/// only when the model is enabled, the message is text of at least <see cref="MinimumLength"/> characters and no
/// skill is waiting for an answer (answers belong to that skill). The model may only pick one of the menu's intents
/// (passed with their titles); anything else — or a failure — falls through to the offline sources. Its confidence is
/// capped below the level that interrupts a dialogue. Slots it found (place, since, time, topic, other party, several
/// issues) are checked — the extracted words must occur in the message — and left in <see cref="TurnContext.Items"/>
/// under <see cref="SlotsItem"/> for the skills.
/// </summary>
public sealed partial class ModelIntentSource(SkillMenu menu, ILanguageModel model, ILogger<ModelIntentSource> logger) : IIntentSource
{
    public const string PromptId = "engine/intent";

    public const string SlotsItem = "intent.slots";

    public const int MinimumLength = 6;

    /// <summary>Below this the model's pick is not taken.</summary>
    public const double MinimumConfidence = 0.5;

    /// <summary>Below 0.9, so a model guess never takes the turn from a skill that asked a question.</summary>
    public const double MaximumConfidence = 0.85;

    public static IReadOnlyList<string> Variables { get; } = ["message", "intents"];

    public int Order => 500;

    public async ValueTask<IntentMatch?> MatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Message.Text?.Trim();
        if (!model.IsEnabled || context.Message.Kind != InboundKind.Text || text is null || text.Length < MinimumLength
            || context.State.ActiveSkill is not null)
        {
            return null;
        }

        var allowed = menu.Entries.ToList();
        var reply = await model.CompleteAsync(Call(text, allowed), cancellationToken).ConfigureAwait(false);
        var answer = ModelJson.Read<ModelIntent>(reply);
        if (answer is null || !allowed.Any(e => e.Intent == answer.Intent) || !double.IsFinite(answer.Confidence) || answer.Confidence < MinimumConfidence)
        {
            LogIgnored(reply.Outcome, reply.Detail);
            return null;
        }

        context.Items[SlotsItem] = IntentSlots.From(answer, text);
        return new IntentMatch(answer.Intent!, Math.Min(MaximumConfidence, answer.Confidence));
    }

    /// <summary>The slots the model found in this turn's message, or null.</summary>
    public static IntentSlots? SlotsOf(TurnContext context) =>
        context is not null && context.Items.TryGetValue(SlotsItem, out var value) ? value as IntentSlots : null;

    public static PromptCall Call(string text, IEnumerable<(string Intent, string Title)> allowed) =>
        new(PromptId, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["message"] = text,
            ["intents"] = string.Join('\n', allowed.Select(e => $"{e.Intent}：{e.Title}")),
        });

    [LoggerMessage(Level = LogLevel.Debug, Message = "Model intent ignored: {Outcome} {Detail}")]
    private partial void LogIgnored(ModelOutcome outcome, string? detail);
}

/// <summary>The structured answer of <c>engine/intent</c>.</summary>
public sealed record ModelIntent(
    string? Intent, double Confidence, string? Place, string? Since, string? Time, string? Topic, string? OtherParty, IReadOnlyList<string>? Issues);
