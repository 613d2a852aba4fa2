using System.Globalization;
using System.Text;

namespace Bot.Skills.Groups;

/// <summary>"路灯修了吗": the state of matters staff marked public, for the group's place.</summary>
public sealed class PublicMatterGroupAnswers(IPublicMatters matters) : IGroupAnswerSource
{
    private static readonly string[] ProgressWords =
    [
        "修了吗", "修好了吗", "修好没", "修了没", "好了吗", "弄好", "处理了吗", "处理好了吗", "进展", "进度", "怎么样了", "什么时候修",
        "什么时候能修", "解决了吗", "还没修", "有人管吗", "修没修",
    ];

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public int Order => 100;

    public async ValueTask<string?> AnswerAsync(GroupQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (!ProgressWords.Any(w => question.Text.Contains(w, StringComparison.Ordinal)))
        {
            return null;
        }

        var found = await matters.SearchAsync(question.Group, question.Text, 3, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return $"暂未查到{question.Group.ScopeName}相关的公开事项。个人反映的问题请私聊我查询进度。";
        }

        var text = new StringBuilder($"{question.Group.ScopeName}公开事项进度：");
        foreach (var matter in found)
        {
            var day = matter.UpdatedAt.ToOffset(China).ToString("M月d日", CultureInfo.InvariantCulture);
            text.Append("\n· ").Append(matter.Title).Append('：').Append(matter.StateName).Append('（').Append(day).Append("更新）");
        }

        return text.ToString();
    }
}
