using System.Globalization;
using Bot.Skills.Dispatch;
using Bot.Skills.Privacy;

namespace Bot.Skills.Mediation;

/// <summary>What residents and mediators are told about a booking, in one place.</summary>
public static class BookingNotices
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static string When(DateTimeOffset start, DateTimeOffset end)
    {
        return string.Create(CultureInfo.InvariantCulture, $"{At(start)}-{end.ToOffset(China):HH:mm}");
    }

    public static string At(DateTimeOffset start)
    {
        var s = start.ToOffset(China);
        return string.Create(CultureInfo.InvariantCulture, $"{s:M月d日}（周{"日一二三四五六"[(int)s.DayOfWeek]}）{s:HH:mm}");
    }

    public static StaffCard ForMediator(Booking booking, Venue venue, string? calendarLink)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(venue);
        var n = booking.Number;
        var description =
            $"预约号：{n}\n时间：{When(booking.Start, booking.End)}\n地点：{venue.Name}（{venue.Address}）\n" +
            $"事项：{PersonalDataMasker.MaskText(booking.Topic)}\n对方：{(booking.OtherParty is { } other ? PersonalDataMasker.MaskText(other) : "请社区出面邀请")}\n" +
            (booking.TicketNumber is { } t ? $"关联工单：{t}\n" : string.Empty) +
            (calendarLink is null ? string.Empty : $"日程文件：{calendarLink}\n") +
            $"请回复：确认 {n}｜婉拒 {n} 原因｜改期 {n} 时间（如：明天下午3点）";
        return new StaffCard(n, $"【睦邻茶室】新调解预约 {n}", description);
    }

    public static string Confirmed(Booking booking, Venue venue, string mediatorName, string? calendarLink) =>
        $"预约成功！预约号：{booking.Number}\n时间：{When(booking.Start, booking.End)}\n地点：{venue.Name}（{venue.Address}）\n调解员：{mediatorName}\n" +
        (booking.OtherParty is null ? "社区将出面邀请对方参加。\n" : string.Empty) +
        (calendarLink is null ? string.Empty : $"添加到日历：{calendarLink}\n") +
        "我们会在开始前24小时和1小时提醒您。回复“我的预约”可查看、改期或取消。";

    public static string Reminder(Booking booking, Venue venue, string lead, bool forMediator) => forMediator
        ? $"⏰ 调解提醒：{lead}后（{When(booking.Start, booking.End)}）在{venue.Name}有调解，预约号 {booking.Number}，事项：{PersonalDataMasker.MaskText(booking.Topic)}。"
        : $"⏰ 温馨提醒：您预约的调解将于{lead}后开始。\n时间：{When(booking.Start, booking.End)}\n地点：{venue.Name}（{venue.Address}）\n预约号：{booking.Number}。如需改期请回复“我的预约”。";
}
