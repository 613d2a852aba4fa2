using Bot.Skills.Privacy;

namespace Bot.Skills.Engine;

/// <summary>
/// Details the model found in a message, validated: place, since, time and other party must be words of the message
/// itself (at most <see cref="MaxSlotChars"/>); the topic is masked and shortened; issues (only when two or more) are
/// distinct parts of the message, at most <see cref="MaxIssues"/>.
/// </summary>
public sealed record IntentSlots(string? Place, string? Since, string? Time, string? Topic, string? OtherParty, IReadOnlyList<string> Issues)
{
    public const int MaxSlotChars = 40;

    public const int MaxIssues = 3;

    public static IntentSlots From(ModelIntent answer, string message)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(message);
        string? Quote(string? value) =>
            value?.Trim() is { Length: > 0 and <= MaxSlotChars } v && message.Contains(v, StringComparison.Ordinal) ? v : null;

        var topic = PersonalDataMasker.MaskText(answer.Topic?.ReplaceLineEndings(" ").Trim());
        var issues = (answer.Issues ?? [])
            .Select(i => i?.Trim() ?? string.Empty)
            .Where(i => i.Length >= 4 && message.Contains(i, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxIssues)
            .ToList();
        return new IntentSlots(
            Quote(answer.Place),
            Quote(answer.Since),
            Quote(answer.Time),
            topic.Length == 0 ? null : topic.Length > 30 ? topic[..30] : topic,
            Quote(answer.OtherParty),
            issues.Count >= 2 ? issues : []);
    }
}
