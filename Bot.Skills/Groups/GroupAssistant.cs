using Bot.Skills.Complaints;
using Bot.Skills.Greeting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Groups;

/// <summary>
/// Answers a question asked in a group. Anything about one person — personal data in the question, their own
/// tickets or bookings, a complaint — is sent to a private channel and never discussed or filed in the group;
/// public questions go to the <see cref="IGroupAnswerSource"/>s. Every reply passes <see cref="GroupReplyGuard"/>.
/// </summary>
public sealed partial class GroupAssistant(
    IEnumerable<IGroupAnswerSource> sources,
    IComplaintClassifier classifier,
    GroupReplyGuard guard,
    IOptions<GroupOptions> options,
    IOptions<CommunityOptions> community,
    ILogger<GroupAssistant> logger)
{
    private static readonly string[] PrivateWords =
    [
        "我的诉求", "我的工单", "我反映的", "我的预约", "预约", "改期", "取消预约", "转人工", "人工客服", "找网格员", "我住在", "我家",
        "我要投诉", "我要举报", "我要反映", "帮我登记", "我的电话", "我的手机",
    ];

    private static readonly string[] QuestionMarks = ["吗", "呢", "?", "？", "在哪", "几点", "什么时候", "怎么", "如何", "多少", "哪里", "哪儿"];

    private readonly IGroupAnswerSource[] _sources = [.. sources.OrderBy(s => s.Order)];

    public string Account => options.Value.OfficialAccountName is { Length: > 0 } name ? name : community.Value.Name;

    /// <summary>The reply for the group; always short, always free of personal data.</summary>
    public async Task<string> AnswerAsync(GroupQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var reply = await DecideAsync(question, cancellationToken).ConfigureAwait(false);
        if (reply.Length > options.Value.MaxReplyChars)
        {
            reply = string.Concat(reply.AsSpan(0, options.Value.MaxReplyChars - 1), "…");
        }

        if (guard.Findings(reply, [question.UserId]) is { Count: > 0 } findings)
        {
            // A source built a reply that names someone: say nothing of it in the group.
            LogRefused(string.Join("、", findings));
            return GroupTexts.GoPrivate(Account);
        }

        return reply;
    }

    private async Task<string> DecideAsync(GroupQuestion question, CancellationToken cancellationToken)
    {
        var text = question.Text.Trim();
        if (text.Length == 0)
        {
            return GroupTexts.Help(community.Value.BotName, Account);
        }

        // Personal data in a question is not repeated, not stored, not answered in public.
        if (!guard.IsSafe(text) || PrivateWords.Any(w => text.Contains(w, StringComparison.Ordinal)))
        {
            return await IsComplaintAsync(text, cancellationToken).ConfigureAwait(false) is { } safety
                ? safety
                : GroupTexts.GoPrivate(Account);
        }

        foreach (var source in _sources)
        {
            if (await source.AnswerAsync(question with { Text = text }, cancellationToken).ConfigureAwait(false) is { Length: > 0 } answer)
            {
                return answer;
            }
        }

        return await IsComplaintAsync(text, cancellationToken).ConfigureAwait(false)
            ?? (LooksLikeQuestion(text) ? GroupTexts.Unknown(Account) : GroupTexts.Help(community.Value.BotName, Account));
    }

    /// <returns>The safety advice for a present danger, the "go private" reply for a complaint, or null.</returns>
    private async Task<string?> IsComplaintAsync(string text, CancellationToken cancellationToken)
    {
        var assessment = await classifier.AssessAsync(text, cancellationToken).ConfigureAwait(false);
        if (assessment.Alert is { } alert)
        {
            return GroupTexts.Safety(alert.Hazard, alert.EmergencyNumber, alert.Advice, Account);
        }

        // A question ("夜市在哪") is not a complaint even when it names a complaint topic.
        var complaint = assessment.Category is not (ComplaintCategories.Consultation or ComplaintCategories.Suggestion)
                        && assessment.Confidence >= 0.5 && !LooksLikeQuestion(text);
        return complaint || text.Contains("投诉", StringComparison.Ordinal) || text.Contains("举报", StringComparison.Ordinal)
            ? GroupTexts.Complaint(Account)
            : null;
    }

    private static bool LooksLikeQuestion(string text) => QuestionMarks.Any(m => text.Contains(m, StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group reply carried personal data ({Findings}); replaced by the private-channel hint")]
    private partial void LogRefused(string findings);
}
