using Bot.Skills.Engine;

namespace Bot.Skills.Complaints.Ledger;

/// <summary>
/// 反馈 → 回访: once a handler reports a ticket resolved, the resident is asked for a 1–5 rating. The answer
/// closes the ticket (办结), or reopens it for review when it is 2 or less.
/// </summary>
public sealed class TicketFollowUp(ITicketLedger ledger, IResidentNotifier notifier)
{
    public const string SystemActor = "系统回访";

    /// <summary>Records the handler's report and asks the resident for a rating.</summary>
    public async Task<Ticket> ResolveAsync(string number, string actor, string note, CancellationToken cancellationToken)
    {
        await ledger.TransitionAsync(number, TicketState.Resolved, actor, note, cancellationToken).ConfigureAwait(false);
        var ticket = await ledger.TransitionAsync(number, TicketState.FollowUp, SystemActor, "已请居民评价", cancellationToken).ConfigureAwait(false);
        var text = $"您反映的问题（工单 {ticket.Number}，{ComplaintCategories.ChineseName(ticket.Category)}）已处理：{note}\n" +
                   "请为处理结果打分：回复 1–5（5 非常满意，1 非常不满意），可附上意见，例如“5 处理很及时”。";
        await notifier.NotifyAsync(ticket.Resident, Reply.FromText(text), cancellationToken).ConfigureAwait(false);
        return ticket;
    }

    /// <summary>The resident's rating: closes the ticket, or reopens it for review at 2 or less.</summary>
    public async Task<(Ticket Ticket, bool Reopened)> RateAsync(string number, int rating, string? comment, CancellationToken cancellationToken)
    {
        await ledger.RateAsync(number, rating, comment, cancellationToken).ConfigureAwait(false);
        return rating <= 2
            ? (await ledger.TransitionAsync(number, TicketState.InProgress, "居民", $"满意度 {rating} 分，重新交办复核", cancellationToken).ConfigureAwait(false), true)
            : (await ledger.TransitionAsync(number, TicketState.Closed, "居民", "居民评价后办结（解决销账）", cancellationToken).ConfigureAwait(false), false);
    }
}
