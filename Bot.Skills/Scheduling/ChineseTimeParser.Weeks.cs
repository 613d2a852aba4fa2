using System.Text.RegularExpressions;

namespace Bot.Skills.Scheduling;

public static partial class ChineseTimeParser
{
    /// <summary>
    /// Weeks run Monday to Sunday, so 这周日 is the coming Sunday and 下周一 said on a Sunday is tomorrow.
    /// A bare weekday naming today may move a week on once the whole reading is known (see ShiftIfGone).
    /// </summary>
    private static TimeParseResult? ReadWeekday(Match match, DateOnly today, TimeReading reading)
    {
        var wanted = match.Groups["wd"].Value switch
        {
            "一" or "1" => 0,
            "二" or "2" => 1,
            "三" or "3" => 2,
            "四" or "4" => 3,
            "五" or "5" => 4,
            "六" or "6" => 5,
            _ => 6,
        };
        var todayIndex = ((int)today.DayOfWeek + 6) % 7;
        var monday = today.AddDays(-todayIndex);
        var day = match.Groups["rel"].Value switch
        {
            "这" or "本" => monday.AddDays(wanted),
            "下" => monday.AddDays(7 + wanted),
            "下下" => monday.AddDays(14 + wanted),
            "上" => monday.AddDays(-7 + wanted),
            _ => today.AddDays((wanted - todayIndex + 7) % 7),
        };

        var bare = match.Groups["rel"].Value.Length == 0;
        if (reading.Date is { } named)
        {
            // A date already named wins; the weekday only has to agree with it (11月25日周三, 下周三12月2日).
            return (bare ? named.DayOfWeek == day.DayOfWeek : named == day) ? null : Mismatch(named, match.Value);
        }

        (reading.Date, reading.DateWords) = (day, match.Value);
        reading.ShiftIfGone = bare && day == today ? 7 : 0;
        return null;
    }

    /// <summary>A month or a week named without its day: ask for the day rather than guess.</summary>
    private static TimeParseResult? Unfinished(string rest)
    {
        if (Take(MonthAlone(), ref rest, out var month))
        {
            return month.Groups["month"].Success && (!ChineseNumerals.TryParse(month.Groups["month"].Value, out var number) || number is < 1 or > 12)
                ? Impossible($"没有{month.Groups["month"].Value}月")
                : TimeParseResult.Fail(TimeParseOutcome.NeedsClarification, $"请问是{month.Value}几号？");
        }

        if (Take(WeekAlone(), ref rest, out var week))
        {
            return TimeParseResult.Fail(
                TimeParseOutcome.NeedsClarification,
                week.Value.EndsWith('末') ? "请问是周六还是周日？" : $"请问是{week.Value}几？");
        }

        return null;
    }

    private static TimeParseResult Mismatch(DateOnly date, string weekday) =>
        TimeParseResult.Fail(
            TimeParseOutcome.NeedsClarification,
            $"{date.Month}月{date.Day}日是周{"日一二三四五六"[(int)date.DayOfWeek]}，不是{weekday}，请问您想约哪一天？");

    [GeneratedRegex(@"(?<rel>下下|下|这|本|上)?个?(?:周|星期|礼拜)(?<wd>[一二三四五六日天七]|[1-7](?!\d))")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"(?<month>" + N + @")月份?|下下个?月|下个?月|这个?月|本月")]
    private static partial Regex MonthAlone();

    [GeneratedRegex(@"(?:下下|下|这|本)?个?周末|(?:下下|下|这|本|上)个?(?:周|星期|礼拜)")]
    private static partial Regex WeekAlone();
}
