using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Dispatch;
using Bot.Skills.Grid;

namespace Bot.Skills.Escalation;

/// <summary>What the SLA tells staff in WeCom: a reminder, the escalated ticket's card, and a note to the one it left.</summary>
public static class SlaCards
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static StaffCard Reminder(Ticket ticket, DateTimeOffset due, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var n = ticket.Number;
        return new StaffCard(n, $"⏰ 工单 {n} 将于 {When(due, now)} 超时，请尽快响应",
            $"类别：{ComplaintCategories.ChineseName(ticket.Category)}\n地点：{ticket.Place ?? "未提供"}\n请回复：接单 {n}｜回复 {n} 内容｜退回 {n} 原因");
    }

    /// <summary>The usual work card, marked 超时升级 and naming who did not respond.</summary>
    public static StaffCard Escalated(Ticket ticket, Person? previous)
    {
        var card = StaffCards.For(ticket);
        var from = previous is null ? "未能派单" : $"原负责人 {previous.Name} 超时未响应";
        return card with { Title = $"【超时升级】{card.Title}", Description = $"{from}，现交由您处理。\n{card.Description}" };
    }

    public static StaffCard HandedOn(Ticket ticket, string to)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new StaffCard(ticket.Number, $"工单 {ticket.Number} 超时未响应，已升级至{to}", "如已在处理，请与对方联系并继续跟进。");
    }

    /// <summary>"17:35" today (China time), else "11月30日 08:35".</summary>
    private static string When(DateTimeOffset due, DateTimeOffset now)
    {
        var (d, today) = (due.ToOffset(China), now.ToOffset(China));
        var format = d.Date == today.Date ? "HH:mm" : "M月d日 HH:mm";
        return d.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
    }
}
