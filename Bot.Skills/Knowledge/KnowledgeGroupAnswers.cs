using Bot.Skills.Groups;

namespace Bot.Skills.Knowledge;

/// <summary>
/// Group questions answered from the knowledge base: public by nature (the admin wrote them for everyone). Offline
/// only — the best entry as written with its source — so a group reply never depends on a model's wording.
/// </summary>
public sealed class KnowledgeGroupAnswers(KnowledgeRetriever retriever) : IGroupAnswerSource
{
    /// <summary>After venues and public matters, before the generic guidance (400).</summary>
    public int Order => 350;

    public async ValueTask<string?> AnswerAsync(GroupQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var matches = await retriever.FindAsync(question.Text, 1, cancellationToken).ConfigureAwait(false);
        return matches.Count == 0 ? null : ConsultationAnswerer.Offline(matches[0]).Text;
    }
}
