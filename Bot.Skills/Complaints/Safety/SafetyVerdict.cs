namespace Bot.Skills.Complaints.Safety;

/// <summary>What the safety rules found in one message.</summary>
/// <param name="Floor">The lowest colour the case may get; <see cref="Colour.Green"/> when no rule fires.</param>
/// <param name="Alert">The most urgent present danger, with its number and advice; null unless a red rule fired.</param>
/// <param name="Reasons">Short Chinese phrases, most urgent first, e.g. 燃气泄漏迹象.</param>
public sealed record SafetyVerdict(Colour Floor, SafetyAlert? Alert, IReadOnlyList<string> Reasons)
{
    public static SafetyVerdict None { get; } = new(Colour.Green, null, []);
}
