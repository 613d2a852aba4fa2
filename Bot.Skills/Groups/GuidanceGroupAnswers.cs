using Bot.Skills.Greeting;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Groups;

/// <summary>How to report a problem, and where consultations (办事咨询) are answered.</summary>
public sealed class GuidanceGroupAnswers(IOptions<CommunityOptions> community, IOptions<GroupOptions> options) : IGroupAnswerSource
{
    private static readonly string[] ReportWords =
        ["怎么反映", "如何反映", "在哪反映", "找谁反映", "怎么投诉", "如何投诉", "怎么报修", "如何报修", "找谁修", "怎么举报"];

    private static readonly string[] ConsultWords =
        ["怎么办理", "如何办理", "需要什么材料", "要带什么", "去哪办", "在哪办", "能不能办", "怎么申请", "如何申请", "政策", "补贴", "咨询"];

    public int Order => 400;

    public ValueTask<string?> AnswerAsync(GroupQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var info = community.Value;
        var account = options.Value.OfficialAccountName is { Length: > 0 } name ? name : info.Name;
        string? answer = null;
        if (ReportWords.Any(w => question.Text.Contains(w, StringComparison.Ordinal)))
        {
            answer = $"反映问题请私聊我，或在公众号“{account}”发送文字、照片或位置，我们会登记并派网格员处理，可随时查询进度。紧急情况请直接拨打110/119/120。";
        }
        else if (ConsultWords.Any(w => question.Text.Contains(w, StringComparison.Ordinal)))
        {
            var phone = string.IsNullOrWhiteSpace(info.Phone) ? string.Empty : $"，或拨打{info.Phone}";
            answer = $"办事咨询：请在办公时间（{info.OfficeHours}）到{info.Name}办公室{phone}。需要我们登记并答复的，请私聊我或在公众号“{account}”里说明具体事项。";
        }

        return ValueTask.FromResult(answer);
    }
}
