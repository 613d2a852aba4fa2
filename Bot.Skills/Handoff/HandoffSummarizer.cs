using Bot.Skills.Engine;
using Bot.Skills.Language;
using Bot.Skills.Privacy;
using Microsoft.Extensions.Logging;

namespace Bot.Skills.Handoff;

/// <summary>
/// The conversation summary on a hand-off card. With the model enabled, prompt <c>handoff/summary</c> gets this
/// resident's own recent messages in this conversation (masked before they leave, and nobody else's); its answer is
/// masked again — the model may echo a phone number — and capped. Otherwise, or when it fails, the offline masked
/// summary of the last turns (<see cref="HandoffTexts.Summary"/>).
/// </summary>
public sealed partial class HandoffSummarizer(ILanguageModel model, ILogger<HandoffSummarizer> logger)
{
    public const string PromptId = "handoff/summary";

    public const int MaxChars = 120;

    private const int ResidentTurns = 6;

    public static IReadOnlyList<string> Variables { get; } = ["message"];

    public async Task<string> SummarizeAsync(IReadOnlyList<TurnRecord> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var offline = HandoffTexts.Summary(turns);
        if (!model.IsEnabled || Call(turns) is not { } call)
        {
            return offline;
        }

        var reply = await model.CompleteAsync(call, cancellationToken).ConfigureAwait(false);
        if (Read(reply) is { } summary)
        {
            return summary;
        }

        LogIgnored(reply.Outcome, reply.Detail);
        return offline;
    }

    /// <summary>The resident's last messages, masked, one a line; null when they said nothing yet.</summary>
    public static PromptCall? Call(IReadOnlyList<TurnRecord> turns)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var lines = turns.Where(t => t.Who == "resident" && !string.IsNullOrWhiteSpace(t.Text))
            .TakeLast(ResidentTurns)
            .Select(t => PersonalDataMasker.MaskText(t.Text.ReplaceLineEndings(" ").Trim()))
            .ToList();
        return lines.Count == 0
            ? null
            : new PromptCall(PromptId, new Dictionary<string, string>(StringComparer.Ordinal) { ["message"] = string.Join('\n', lines) });
    }

    /// <summary>The model's summary, masked, on one line, at most <see cref="MaxChars"/>; null when empty or unusable.</summary>
    public static string? Read(ModelReply reply)
    {
        var text = ModelJson.Read<ModelSummary>(reply)?.Summary?.ReplaceLineEndings(" ").Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var masked = LongNumber().Replace(PersonalDataMasker.MaskText(text), "***");
        return "（摘要）" + (masked.Length > MaxChars ? masked[..MaxChars] + "…" : masked);
    }

    /// <summary>Landlines and any other run of seven or more digits the mobile pattern leaves.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\d{3,4}-\d{7,8}|\d{7,}")]
    private static partial System.Text.RegularExpressions.Regex LongNumber();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Model hand-off summary ignored: {Outcome} {Detail}")]
    private partial void LogIgnored(ModelOutcome outcome, string? detail);
}

/// <summary>The structured answer of <c>handoff/summary</c>.</summary>
public sealed record ModelSummary(string? Summary);
