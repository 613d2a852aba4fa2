using Bot.Skills.Complaints;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Knowledge;

/// <summary>What the complaint skill does with a consultation: answer it, or file it for staff with a note saying so.</summary>
/// <param name="Answered">True: reply with <paramref name="Text"/> and file nothing.</param>
public sealed record ConsultationStepResult(string Text, bool Answered);

/// <summary>
/// The complaint skill's consultation branch. A consultation (category <c>consultation</c>) is first answered from
/// the knowledge base; unanswered, it is filed as today so staff answer, and the resident is told why. Another
/// green message that reads as a question (ends with ？/吗/怎么/如何…) is answered only when an entry matches it
/// confidently, and otherwise left alone.
/// </summary>
public sealed class ConsultationStep(ConsultationAnswerer answerer, IOptions<KnowledgeOptions> options)
{
    public const string HumanHint = "如需人工帮助请回复“转人工”";

    public const string FiledNote = "知识库里暂时没有这个问题的答案，已转给社区工作人员，他们会尽快答复您。";

    private static readonly string[] QuestionEndings = ["?", "？", "吗", "么", "呢", "怎么", "如何", "怎么办", "咋办", "多少", "哪里", "几点"];

    /// <returns>Null when this is not for the knowledge base: go on as before.</returns>
    public async Task<ConsultationStepResult?> TryAnswerAsync(string text, ComplaintAssessment assessment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(assessment);
        var consultation = assessment.Category == ComplaintCategories.Consultation;
        if (assessment.Alert is not null || assessment.Colour != Colour.Green || text.Length == 0 || !(consultation || LooksLikeQuestion(text)))
        {
            return null;
        }

        var answer = await answerer.AnswerAsync(text, cancellationToken).ConfigureAwait(false);
        if (answer.Answered && (consultation || answer.Cited[0].Coverage >= options.Value.ConfidentCoverage))
        {
            return new ConsultationStepResult($"{answer.Text}\n\n{HumanHint}", true);
        }

        return consultation ? new ConsultationStepResult(FiledNote, false) : null;
    }

    public static bool LooksLikeQuestion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().TrimEnd('。', '.', '!', '！', '~', '～');
        return QuestionEndings.Any(e => trimmed.EndsWith(e, StringComparison.Ordinal));
    }
}
