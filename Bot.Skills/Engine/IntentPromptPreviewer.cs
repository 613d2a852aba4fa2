using Bot.Skills.Language;

namespace Bot.Skills.Engine;

/// <summary>Preview of <c>engine/intent</c>: the offline sources' intent beside the model's validated pick and slots.</summary>
public sealed class IntentPromptPreviewer(SkillMenu menu, IEnumerable<IIntentSource> sources, ILanguageModel model) : IPromptPreviewer
{
    public string PromptId => ModelIntentSource.PromptId;

    public async Task<PromptPreview> PreviewAsync(string sample, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var context = new TurnContext(new InboundMessage("preview", "preview", "preview", InboundKind.Text, DateTimeOffset.UnixEpoch, sample));
        IntentMatch? offline = null;
        foreach (var source in sources.Where(s => s is not ModelIntentSource and not Complaints.ComplaintIntentSource).OrderBy(s => s.Order))
        {
            if ((offline = await source.MatchAsync(context, cancellationToken).ConfigureAwait(false)) is not null)
            {
                break;
            }
        }

        var allowed = menu.Entries.ToList();
        var reply = await model.CompleteAsync(ModelIntentSource.Call(sample.Trim(), allowed) with { Version = version }, cancellationToken).ConfigureAwait(false);
        var answer = ModelJson.Read<ModelIntent>(reply);
        string? decided = null;
        if (answer is not null && allowed.Any(e => e.Intent == answer.Intent) && answer.Confidence >= ModelIntentSource.MinimumConfidence)
        {
            var slots = IntentSlots.From(answer, sample.Trim());
            decided = $"{answer.Intent}；地点={slots.Place ?? "无"}，开始={slots.Since ?? "无"}，时间={slots.Time ?? "无"}，事由={slots.Topic ?? "无"}，对方={slots.OtherParty ?? "无"}，多件事={slots.Issues.Count}";
        }

        return new PromptPreview(sample, offline?.Intent ?? "complaint 或 fallback（交给诉求分类）", decided, reply.Text, reply.Outcome, reply.Detail);
    }
}
