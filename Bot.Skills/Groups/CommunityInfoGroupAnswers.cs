using System.Text;
using Bot.Skills.Greeting;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Groups;

/// <summary>Office hours, phone and address of the community office: public by nature.</summary>
public sealed class CommunityInfoGroupAnswers(IOptions<CommunityOptions> options) : IGroupAnswerSource
{
    private static readonly string[] Words =
    [
        "办公时间", "上班时间", "几点上班", "几点下班", "社区电话", "居委会电话", "联系方式", "社区地址", "社区在哪", "居委会在哪", "怎么联系社区",
    ];

    public int Order => 200;

    public ValueTask<string?> AnswerAsync(GroupQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        return ValueTask.FromResult(Words.Any(w => question.Text.Contains(w, StringComparison.Ordinal)) ? Text(options.Value) : null);
    }

    public static string Text(CommunityOptions community)
    {
        ArgumentNullException.ThrowIfNull(community);
        var text = new StringBuilder($"{community.Name}办公时间：{community.OfficeHours}");
        if (!string.IsNullOrWhiteSpace(community.Phone))
        {
            text.Append("；电话：").Append(community.Phone);
        }

        if (!string.IsNullOrWhiteSpace(community.Address))
        {
            text.Append("；地址：").Append(community.Address);
        }

        return text.Append('。').ToString();
    }
}
