using System.Globalization;
using System.Text;
using Bot.Skills.Complaints;
using Bot.Skills.Privacy;

namespace Bot.Skills.Events;

/// <summary>What residents, group chats and hosts are told about sessions, in one place.</summary>
public static class EventNotices
{
    public static string When(EventOccurrence o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var s = o.Start.ToOffset(CronRule.China);
        return string.Create(CultureInfo.InvariantCulture, $"{s:yyyy年M月d日}（周{"日一二三四五六"[(int)s.DayOfWeek]}）{s:HH:mm}-{o.End.ToOffset(CronRule.China):HH:mm}");
    }

    public static string Line(EventOccurrence o) => $"{o.Schedule.Title}｜{When(o)}｜{o.Place}{(o.Moved ? $"（已调整：{o.Exception!.Reason}）" : string.Empty)}";

    public static string Stage(AnnouncementStage stage) => stage == AnnouncementStage.DayBefore ? "明天" : "1小时后";

    /// <summary>A group chat post (markdown): no resident data at all.</summary>
    public static string ForGroup(EventOccurrence o, AnnouncementStage stage, string? visits) =>
        $"**【{o.Schedule.Kind.ChineseName()}】{Stage(stage)}开始**\n> {o.Schedule.Title}\n> 时间：{When(o)}\n> 地点：{o.Place}\n" +
        (visits is null ? string.Empty : $"> 走访安排：{visits}\n") +
        "欢迎居民前来反映问题、提出建议；也可在公众号回复“夜市反映+问题”或“预约走访”提前登记。";

    public static string ForResident(EventOccurrence o, AnnouncementStage stage) =>
        $"⏰ 温馨提醒：{o.Schedule.Title}将于{Stage(stage)}开始。\n时间：{When(o)}\n地点：{o.Place}\n回复“我的报名”可查看或取消您的登记。";

    public static string Changed(EventOccurrence o) => o.Cancelled
        ? $"【活动取消】{o.Schedule.Title}（原定{When(o with { Start = o.OriginalStart, End = o.OriginalStart + (o.End - o.Start) })}）取消，原因：{o.Exception!.Reason}。敬请谅解。如需反映问题，可回复“夜市反映+问题”或“预约走访”登记到下一场。"
        : $"【活动调整】{o.Schedule.Title}调整为：{When(o)}，地点：{o.Place}。原因：{o.Exception!.Reason}。";

    /// <summary>The hosts' agenda: topics grouped by category, home visits with priority first; personal data masked.</summary>
    public static string Agenda(EventOccurrence o, IReadOnlyList<EventRegistration> registrations, string? visits)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var text = new StringBuilder($"时间：{When(o)}\n地点：{o.Place}\n");
        if (visits is not null)
        {
            text.Append($"走访安排：{visits}\n");
        }

        var topics = registrations.Where(r => r.Kind == RegistrationKind.Topic && r.State == RegistrationState.Active).ToList();
        text.Append(CultureInfo.InvariantCulture, $"居民提前登记的议题（{topics.Count}项）：");
        foreach (var group in topics.GroupBy(t => t.Category ?? ComplaintCategories.Suggestion).OrderByDescending(g => g.Count()))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n【{ComplaintCategories.ChineseName(group.Key)}】{group.Count()}项");
            foreach (var t in group)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  {t.Id}. {PersonalDataMasker.MaskText(t.Text)}{(t.TicketNumber is { } n ? $"（工单 {n}）" : string.Empty)}");
            }
        }

        var homeVisits = registrations.Where(r => r.Kind == RegistrationKind.HomeVisit && r.State == RegistrationState.Active)
            .OrderByDescending(r => r.Priority).ThenBy(r => r.Id).ToList();
        if (homeVisits.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n上门走访申请（{homeVisits.Count}户，优先在前）：");
            foreach (var h in homeVisits)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  {h.Id}. {(h.Priority ? "【老年/残疾优先】" : string.Empty)}{PersonalDataMasker.MaskText(h.Text)}");
            }
        }

        return text.Append("\n会后请在管理后台记录纪要和每项议题的结果。").ToString();
    }
}

/// <summary>The two announcements before a session.</summary>
public enum AnnouncementStage
{
    DayBefore,
    HourBefore,
}
