namespace Bot.Skills.Complaints;

/// <summary>Understands a resident's message: category, colour, department and why.</summary>
public interface IComplaintClassifier
{
    ValueTask<ComplaintAssessment> AssessAsync(string text, CancellationToken cancellationToken);
}

/// <param name="Confidence">0–1: how sure the category is.</param>
/// <param name="Reasons">Short Chinese phrases that explain the colour and category (for staff and the API).</param>
/// <param name="Alert">Set when the message describes a present danger: what to tell the resident first.</param>
public sealed record ComplaintAssessment(
    string Category,
    Colour Colour,
    double Confidence,
    string Department,
    IReadOnlyList<string> Reasons,
    SafetyAlert? Alert);

/// <param name="Hazard">e.g. 燃气泄漏, 火情, 有人受伤.</param>
/// <param name="EmergencyNumber">119 (gas, fire, trapped), 120 (injury, illness), 110 (violence, public order).</param>
/// <param name="Advice">What to do right now, in plain Chinese.</param>
public sealed record SafetyAlert(string Hazard, string EmergencyNumber, string Advice);
