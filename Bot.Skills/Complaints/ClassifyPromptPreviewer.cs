using Bot.Skills.Language;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Complaints;

/// <summary>Preview of <c>complaints/classify</c>: the offline assessment beside the combined one.</summary>
public sealed class ClassifyPromptPreviewer(IComplaintClassifier offline, ILanguageModel model, IOptions<ComplaintOptions> options) : IPromptPreviewer
{
    public string PromptId => ModelComplaintClassifier.PromptId;

    public async Task<PromptPreview> PreviewAsync(string sample, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var assessment = await offline.AssessAsync(sample, cancellationToken).ConfigureAwait(false);
        var reply = await model.CompleteAsync(ModelComplaintClassifier.Call(sample) with { Version = version }, cancellationToken).ConfigureAwait(false);
        var opinion = ModelComplaintClassifier.Read(reply);
        var combined = opinion is null ? null : ModelComplaintClassifier.Combine(assessment, opinion, options.Value);
        return new PromptPreview(sample, Describe(assessment), combined is null ? null : Describe(combined), reply.Text, reply.Outcome, reply.Detail);
    }

    private static string Describe(ComplaintAssessment a) =>
        $"{ComplaintCategories.ChineseName(a.Category)}（{a.Category}），{a.Colour.ChineseName()}，{a.Department}";
}
