namespace Bot.Skills.Knowledge;

/// <summary>What to say to a consultation, and which entry it came from (null when nothing was relevant).</summary>
public sealed record ConsultationAnswer(string Text, KnowledgeMatch? Match)
{
    public bool Answered => Match is not null;
}

/// <summary>
/// Answers a consultation from the knowledge base without a model: the best entry as the admin wrote it, with
/// its source; or, when nothing is relevant, says so and offers a person instead of guessing.
/// </summary>
public sealed class ConsultationAnswerer(KnowledgeRetriever retriever)
{
    public const string NoAnswerText = "这个问题我暂时答不上来。您可以换个说法再问一次，或回复“转人工”联系网格员。";

    public async Task<ConsultationAnswer> AnswerAsync(string question, CancellationToken cancellationToken)
    {
        var matches = await retriever.FindAsync(question, 1, cancellationToken).ConfigureAwait(false);
        if (matches.Count == 0)
        {
            return new ConsultationAnswer(NoAnswerText, null);
        }

        var best = matches[0];
        return new ConsultationAnswer($"{best.Entry.Answer}\n\n来源：{best.Entry.Source}", best);
    }
}
