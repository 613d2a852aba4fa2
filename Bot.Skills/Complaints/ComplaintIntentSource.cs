using Bot.Skills.Engine;

namespace Bot.Skills.Complaints;

/// <summary>
/// The last intent source: a message no keyword claimed is a complaint or request when the classifier is
/// reasonably sure, or when a safety rule fired. Its confidence stays below the level that interrupts another
/// skill's question; the complaint skill itself notices a change of subject.
/// </summary>
public sealed class ComplaintIntentSource(IComplaintClassifier classifier) : IIntentSource
{
    public const string AssessmentItem = "complaint.assessment";

    /// <summary>Below this the message is more likely chatter than a matter to file.</summary>
    public const double MinimumConfidence = 0.30;

    public int Order => 1000;

    public async ValueTask<IntentMatch?> MatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var text = context.Message.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length < 4)
        {
            return null;
        }

        var assessment = await AssessAsync(context, classifier, text, cancellationToken).ConfigureAwait(false);
        var filed = assessment.Alert is not null || assessment.Colour >= Colour.Orange || assessment.Confidence >= MinimumConfidence;
        return filed ? new IntentMatch(ComplaintSkill.IntentCode, Math.Min(0.85, Math.Max(0.5, assessment.Confidence))) : null;
    }

    /// <summary>Assesses the text once per turn; the skill reuses the result.</summary>
    public static async ValueTask<ComplaintAssessment> AssessAsync(TurnContext context, IComplaintClassifier classifier, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(classifier);
        if (context.Items.TryGetValue(AssessmentItem, out var cached) && cached is (string cachedText, ComplaintAssessment known) && cachedText == text)
        {
            return known;
        }

        var assessment = await classifier.AssessAsync(text, cancellationToken).ConfigureAwait(false);
        context.Items[AssessmentItem] = (text, assessment);
        return assessment;
    }
}
