using System.Text;
using Bot.Skills.Groups;

namespace Bot.Skills.Events;

/// <summary>
/// "@睦邻助手 明天的夜市在哪" in a group: the next sessions for the group's compound, and any cancelled in the next
/// two weeks. Only schedule data, never a registration: the answer is as public as a notice board.
/// </summary>
public sealed class EventGroupAnswers(EventService events) : IGroupAnswerSource
{
    private static readonly string[] NightMarketWords = ["夜市", "民情夜市"];
    private static readonly string[] VisitDayWords = ["走访", "来听", "5来听", "五来听", "下沉", "干部来"];

    /// <summary>Before the general sources: an events question is specific.</summary>
    public int Order => 50;

    public async ValueTask<string?> AnswerAsync(GroupQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        EventKind? kind = NightMarketWords.Any(w => question.Text.Contains(w, StringComparison.Ordinal)) ? EventKind.NightMarket
            : VisitDayWords.Any(w => question.Text.Contains(w, StringComparison.Ordinal)) ? EventKind.VisitDay
            : null;
        if (kind is not { } k)
        {
            return null;
        }

        var compound = question.Group.CompoundId;
        var next = await events.NextForCompoundAsync(compound, k, 2, cancellationToken).ConfigureAwait(false);
        var cancelled = await events.CancelledAheadAsync(compound, k, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        foreach (var o in cancelled.Take(2))
        {
            text.Append("【取消】").Append(EventNotices.When(o)).Append(' ').Append(o.Schedule.Title)
                .Append(o.Exception?.Reason is { Length: > 0 } why ? $"（{why}）" : string.Empty).Append('\n');
        }

        if (next.Count == 0)
        {
            return text.Append($"近期暂无{k.ChineseName()}安排，请留意社区通知。").ToString().Trim();
        }

        text.Append("接下来的").Append(k.ChineseName()).Append("：");
        foreach (var o in next)
        {
            text.Append('\n').Append(EventNotices.Line(o));
        }

        return text.Append("\n想提前报名议题，请私聊我。").ToString();
    }
}
