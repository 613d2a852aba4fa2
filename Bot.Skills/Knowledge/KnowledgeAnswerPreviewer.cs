using Bot.Skills.Greeting;
using Bot.Skills.Language;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Knowledge;

/// <summary>
/// Preview of <c>knowledge/answer</c>: offline, the best entry's id (or none); with the model, the composed answer
/// and the ids it cites. Nothing retrieved means the model is not asked, as in a real turn.
/// </summary>
public sealed class KnowledgeAnswerPreviewer(
    KnowledgeRetriever retriever,
    ILanguageModel model,
    IOptions<KnowledgeOptions> options,
    IOptions<CommunityOptions> community) : IPromptPreviewer
{
    public string PromptId => KnowledgePrompt.Id;

    public async Task<PromptPreview> PreviewAsync(string sample, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var matches = await retriever.FindAsync(sample, options.Value.ModelEntries, cancellationToken).ConfigureAwait(false);
        if (matches.Count == 0)
        {
            return new PromptPreview(sample, "无匹配条目（回复“暂时答不上来”并建议转人工）", null, null, ModelOutcome.Disabled, "没有检索到条目，不调用模型");
        }

        var offline = $"条目 {matches[0].Entry.Id}（原文作答）";
        var call = KnowledgePrompt.Call(sample, matches, ConsultationAnswerer.CommunityName(community), version);
        var reply = await model.CompleteAsync(call, cancellationToken).ConfigureAwait(false);
        var composed = ConsultationAnswerer.Compose(reply, matches, options.Value.MaxAnswerChars);
        var shown = composed switch
        {
            null => null,
            { Answered: false } => $"{composed.Text}\n（模型认为条目不能回答，未引用条目）",
            _ => $"{composed.Text}\n（引用：{string.Join("、", composed.Cited.Select(m => m.Entry.Id))}）",
        };
        var detail = composed is null && reply.Answered ? "回答无效（为空、未引用或引用了未检索到的条目），将使用条目原文" : reply.Detail;
        return new PromptPreview(sample, offline, shown, reply.Text, reply.Outcome, detail);
    }
}
