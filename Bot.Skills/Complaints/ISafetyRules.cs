using Bot.Skills.Complaints.Safety;

namespace Bot.Skills.Complaints;

/// <summary>
/// Deterministic hazard rules (gas, fire, injury, violence …) that set a colour floor no model can lower.
/// An interface so that the assessor can be tested without the rule tables.
/// </summary>
public interface ISafetyRules
{
    SafetyVerdict Evaluate(string text);
}
