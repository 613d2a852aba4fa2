using System.Globalization;
using Bot.Skills.Language;
using Bot.Skills.Privacy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Complaints;

/// <summary>
/// A second opinion from the language model (prompt <c>complaints/classify</c>) over the offline classifier. With
/// the model disabled, failing or answering outside the allowed values the offline assessment is returned unchanged.
/// The rule (also in docs/classification.md):
/// <list type="number">
/// <item>Safety rules always win: an alert is kept, a rule-made <c>safety</c> category stays, the colour is never lowered.</item>
/// <item>Category: the model's when it is a known code and the offline confidence is below
/// <see cref="CategoryThreshold"/> (or they agree); confidence becomes the model's (at most 0.9).</item>
/// <item>Colour = max(offline colour, model colour capped at orange): the model never makes red.</item>
/// <item>Department: the table's (<see cref="ComplaintOptions.DepartmentFor"/>) for a category the model changed, else the offline one.</item>
/// <item>Reasons: the offline reasons, then 大模型判断：… with the model's masked, shortened reason.</item>
/// </list>
/// </summary>
public sealed partial class ModelComplaintClassifier(
    IComplaintClassifier offline,
    ILanguageModel model,
    IOptions<ComplaintOptions> options,
    ILogger<ModelComplaintClassifier> logger) : IComplaintClassifier
{
    public const string PromptId = "complaints/classify";

    /// <summary>Below this offline confidence the model's category is taken.</summary>
    public const double CategoryThreshold = 0.6;

    private const int MaxReasonChars = 40;

    public static IReadOnlyList<string> Variables { get; } = ["message", "categories"];

    public async ValueTask<ComplaintAssessment> AssessAsync(string text, CancellationToken cancellationToken)
    {
        var assessment = await offline.AssessAsync(text, cancellationToken).ConfigureAwait(false);
        if (!model.IsEnabled || string.IsNullOrWhiteSpace(text))
        {
            return assessment;
        }

        var reply = await model.CompleteAsync(Call(text), cancellationToken).ConfigureAwait(false);
        var opinion = Read(reply);
        if (opinion is null)
        {
            LogIgnored(reply.Outcome, reply.Detail);
            return assessment;
        }

        return Combine(assessment, opinion, options.Value);
    }

    public static PromptCall Call(string text) => new(PromptId, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["message"] = text,
        ["categories"] = string.Join('\n', ComplaintCategories.All.Select(c => $"{c}：{ComplaintCategories.ChineseName(c)}")),
    });

    /// <summary>The model's answer when every field is allowed, else null.</summary>
    public static ModelClassification? Read(ModelReply reply)
    {
        var answer = ModelJson.Read<ModelClassification>(reply);
        var colour = answer?.Colour switch
        {
            "green" => Colour.Green,
            "yellow" => Colour.Yellow,
            "orange" => Colour.Orange,
            _ => (Colour?)null,
        };
        return answer is not null && ComplaintCategories.IsKnown(answer.Category) && colour is not null
            && double.IsFinite(answer.Confidence) && answer.Confidence is >= 0 and <= 1
            ? answer with { Parsed = colour.Value }
            : null;
    }

    /// <summary>See the class summary.</summary>
    public static ComplaintAssessment Combine(ComplaintAssessment offline, ModelClassification opinion, ComplaintOptions settings)
    {
        ArgumentNullException.ThrowIfNull(offline);
        ArgumentNullException.ThrowIfNull(opinion);
        ArgumentNullException.ThrowIfNull(settings);
        var modelCategory = opinion.Category ?? offline.Category;
        var ruleSafety = offline.Category == ComplaintCategories.Safety && offline.Alert is not null;
        var takeCategory = !ruleSafety && modelCategory != offline.Category && offline.Confidence < CategoryThreshold;
        var category = takeCategory ? modelCategory : offline.Category;
        var confidence = takeCategory ? Math.Min(0.9, opinion.Confidence) : offline.Confidence;
        var modelColour = opinion.Parsed >= Colour.Red ? Colour.Orange : opinion.Parsed;
        var colour = Colours.Max(offline.Colour, modelColour);
        var department = takeCategory ? settings.DepartmentFor(category) : offline.Department;
        var reason = PersonalDataMasker.MaskText(opinion.Reason?.ReplaceLineEndings(" ").Trim());
        reason = reason.Length > MaxReasonChars ? reason[..MaxReasonChars] + "…" : reason;
        var note = $"大模型判断：{ComplaintCategories.ChineseName(modelCategory)}、{opinion.Parsed.ChineseName()} " +
                   $"({opinion.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})" +
                   (reason.Length > 0 ? $"，{reason}" : string.Empty) +
                   (takeCategory ? "，采用其类别" : string.Empty) + (colour > offline.Colour ? "，提高颜色" : string.Empty);
        return offline with
        {
            Category = category,
            Confidence = confidence,
            Colour = colour,
            Department = department,
            Reasons = [.. offline.Reasons, note],
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Classification second opinion ignored: {Outcome} {Detail}")]
    private partial void LogIgnored(ModelOutcome outcome, string? detail);
}

/// <summary>The structured answer of <c>complaints/classify</c>; <see cref="Parsed"/> is set by validation.</summary>
public sealed record ModelClassification(string? Category, string? Colour, double Confidence, string? Reason)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Colour Parsed { get; init; }
}
