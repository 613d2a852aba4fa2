namespace Bot.Skills.Complaints.Safety;

/// <param name="Floor">The lowest colour the message may get; <see cref="Colour.Green"/> when no rule fires.</param>
/// <param name="Alert">Set for hazards: what to tell the resident first (always set when the floor is red).</param>
/// <param name="Reasons">Short Chinese phrases naming the rules that fired (or were defused by a negation).</param>
public sealed record SafetyVerdict(Colour Floor, SafetyAlert? Alert, IReadOnlyList<string> Reasons);
