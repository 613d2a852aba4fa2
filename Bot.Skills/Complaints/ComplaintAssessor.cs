using System.Globalization;
using Bot.Skills.Complaints.Safety;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Complaints;

/// <summary>
/// Combines the hazard rules, the statistical model and the department table into one assessment. Pure logic:
/// no I/O, no clock, safe to call from any thread. The rules (also in docs/classification.md):
/// <list type="number">
/// <item>Empty or blank text: <c>consultation</c>, green, confidence 0; neither model nor rules are asked.</item>
/// <item>Category: the model's, unless the rules fire orange or red with an alert (a hazard) and the model's
/// category confidence is below <see cref="ComplaintOptions.SafetyCategoryThreshold"/>; then <c>safety</c>,
/// confidence 1 (a rule matched, it is not a guess).</item>
/// <item>Colour = max(rule floor, category default, model colour when its confidence is at least
/// <see cref="ComplaintOptions.ModelColourThreshold"/>). Category default: consultation, suggestion and assistance
/// green, the rest yellow. The model alone never makes a case red — red needs a rule, so that red always comes
/// with an alert and a negation the rules understood (“没有闻到煤气味”) is not undone: a confident model red counts
/// as orange.</item>
/// <item>Alert: the rules' alert whenever they give one; a red floor without one gets a generic 110 alert.</item>
/// <item>Department: the learned router's when configured and at least
/// <see cref="ComplaintOptions.DepartmentModelThreshold"/> sure (not for a rule-made <c>safety</c>), else the table.</item>
/// </list>
/// Reasons: the rules' reasons, then one line per model input that was used or considered.
/// </summary>
public sealed class ComplaintAssessor(
    ICommunityTextModel model,
    ISafetyRules rules,
    IOptions<ComplaintOptions> options,
    IDepartmentModel? departmentModel = null) : IComplaintClassifier
{
    /// <summary>For a red rule that forgot its alert: red must always tell the resident what to do now.</summary>
    internal static readonly SafetyAlert FallbackAlert = new(
        "紧急情况", "110", "请先确保自身安全、远离危险；情况紧急请立即拨打 110（火情、燃气泄漏拨 119，有人受伤拨 120）。");

    private readonly ComplaintOptions settings = options.Value;

    public ValueTask<ComplaintAssessment> AssessAsync(string text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Assess(text));
    }

    /// <summary>See the class summary for the rules; never throws for any text, including null.</summary>
    public ComplaintAssessment Assess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ComplaintAssessment(
                ComplaintCategories.Consultation, Colour.Green, 0, settings.DepartmentFor(ComplaintCategories.Consultation), ["内容为空"], null);
        }

        var verdict = rules.Evaluate(text);
        var guess = model.Guess(text);
        var reasons = new List<string>(verdict.Reasons);
        var alert = verdict.Alert ?? (verdict.Floor == Colour.Red ? FallbackAlert : null);

        var (category, confidence, byRule) = ChooseCategory(verdict, alert, guess, reasons);
        var colour = ChooseColour(verdict.Floor, category, guess, reasons);
        var department = ChooseDepartment(text, category, byRule, reasons);
        return new ComplaintAssessment(category, colour, confidence, department, reasons, alert);
    }

    /// <inheritdoc cref="ComplaintOptions.IsGridLevel"/>
    public bool IsGridLevel(string category) => settings.IsGridLevel(category);

    private (string Category, double Confidence, bool ByRule) ChooseCategory(
        SafetyVerdict verdict, SafetyAlert? alert, CommunityGuess guess, List<string> reasons)
    {
        reasons.Add($"模型判断：{ComplaintCategories.ChineseName(guess.Category)} ({Format(guess.CategoryConfidence)})");
        var hazard = verdict.Floor >= Colour.Orange && alert is not null;
        if (hazard && guess.CategoryConfidence < settings.SafetyCategoryThreshold)
        {
            reasons.Add($"安全规则命中（{alert!.Hazard}），归为{ComplaintCategories.ChineseName(ComplaintCategories.Safety)}");
            return (ComplaintCategories.Safety, 1.0, true);
        }

        return (guess.Category, Math.Clamp(guess.CategoryConfidence, 0, 1), false);
    }

    private Colour ChooseColour(Colour floor, string category, CommunityGuess guess, List<string> reasons)
    {
        var categoryDefault = ComplaintCategories.IsGreenByNature(category) ? Colour.Green : Colour.Yellow;
        var colour = Colours.Max(floor, categoryDefault);
        if (guess.ColourConfidence < settings.ModelColourThreshold)
        {
            return colour;
        }

        // Red is reserved for the rules (see the class summary): a confident model red is heard as orange.
        var modelColour = guess.Colour == Colour.Red ? Colour.Orange : guess.Colour;
        if (modelColour > colour)
        {
            var capped = guess.Colour == Colour.Red ? "，未命中安全规则，按橙色处理" : string.Empty;
            reasons.Add($"模型分色：{guess.Colour.ChineseName()} ({Format(guess.ColourConfidence)}){capped}");
            colour = modelColour;
        }

        return colour;
    }

    private string ChooseDepartment(string text, string category, bool categoryByRule, List<string> reasons)
    {
        if (!categoryByRule && departmentModel?.GuessDepartment(text) is { } routed
            && routed.Confidence >= settings.DepartmentModelThreshold && !string.IsNullOrWhiteSpace(routed.Department))
        {
            reasons.Add($"部门模型：{routed.Department} ({Format(routed.Confidence)})");
            return routed.Department;
        }

        return settings.DepartmentFor(category);
    }

    private static string Format(double confidence) => confidence.ToString("0.00", CultureInfo.InvariantCulture);
}
