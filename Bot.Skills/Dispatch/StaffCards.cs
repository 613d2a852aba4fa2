using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Privacy;

namespace Bot.Skills.Dispatch;

/// <summary>
/// The work card a worker gets for a dispatched ticket, with the commands that act on it. The place is shown as
/// given (the worker must go there); the resident's own words are masked, as in every staff-facing view.
/// </summary>
public static class StaffCards
{
    public static StaffCard For(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var n = ticket.Number;
        var title = $"【{ticket.Colour.ChineseName()}】新工单 {n}";
        var description =
            $"工单号：{n}\n颜色：{ticket.Colour.ChineseName()}\n类别：{ComplaintCategories.ChineseName(ticket.Category)}\n" +
            $"地点：{ticket.Place ?? "未提供"}\n内容：{PersonalDataMasker.MaskText(ticket.Text)}\n" +
            $"{ResidentContact.From(ticket.Text).Line()}\n" +
            $"请回复：接单 {n}｜回复 {n} 内容｜办结 {n} 处理说明｜退回 {n} 原因｜升级 {n}";
        return new StaffCard(n, title, description);
    }
}
