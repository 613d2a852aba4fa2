using System.Text.RegularExpressions;

namespace Bot.Skills.Scheduling;

public static partial class ChineseTimeParser
{
    private const string N = ChineseNumerals.Pattern;

    private static TimeParseResult? ReadDates(ref string rest, DateOnly today, TimeReading reading)
    {
        while (Take(ABit(), ref rest, out _))
        {
            // 早一点/快点 are about hurry, not 1 o'clock.
        }

        if (Take(RelativeDay(), ref rest, out var relative))
        {
            reading.Date = today.AddDays(RelativeOffset(relative.Groups["word"].Value, relative.Groups["day"].Value));
            reading.Part = DayParts.FromWord(relative.Groups["part"].Value);
            reading.DateWords = relative.Value;
        }

        if (Take(NumericDate(), ref rest, out var date) || Take(ChineseDate(), ref rest, out date))
        {
            var stop = ReadDate(date, today, reading);
            if (stop is not null)
            {
                return stop;
            }
        }

        if (Take(Weekday(), ref rest, out var weekday))
        {
            var stop = ReadWeekday(weekday, today, reading);
            if (stop is not null)
            {
                return stop;
            }
        }

        return Unfinished(rest);
    }

    private static int RelativeOffset(string word, string day) => (word.Length > 0 ? word : day) switch
    {
        "大后天" => 3,
        "后天" => 2,
        "明天" or "明日" or "明儿" or "明" => 1,
        "昨天" or "昨日" or "昨" => -1,
        "前天" => -2,
        _ => 0,
    };

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

    private static TimeParseResult? ReadDate(Match match, DateOnly today, TimeReading reading)
    {
        if (!ChineseNumerals.TryParse(match.Groups["day"].Value, out var day))
        {
            return TimeParseResult.Fail(TimeParseOutcome.NotUnderstood, NotUnderstoodMessage);
        }

        var (year, month) = (today.Year, today.Month);
        if (match.Groups["month"].Success)
        {
            if (!ChineseNumerals.TryParse(match.Groups["month"].Value, out month) || month is < 1 or > 12)
            {
                return Impossible($"没有{match.Groups["month"].Value}月");
            }

            year = YearOf(match, today, month, day);
        }
        else if (match.Groups["rmonth"].Success)
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(match.Groups["rmonth"].Value.Count(c => c == '下'));
            (year, month) = (first.Year, first.Month);
        }
        else if (day < today.Day)
        {
            var next = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
            (year, month) = (next.Year, next.Month);
        }

        if (day is < 1 or > 31)
        {
            return Impossible($"没有{day}号");
        }

        if (day > DateTime.DaysInMonth(year, month))
        {
            return Impossible(month == 2 && day == 29 ? $"{year}年2月29日不存在（{year}年不是闰年）" : $"{month}月{day}日不存在");
        }

        var date = new DateOnly(year, month, day);
        if (reading.Date is { } named && named != date)
        {
            return TimeParseResult.Fail(
                TimeParseOutcome.NeedsClarification, $"“{reading.DateWords}”和“{match.Value}”不是同一天，请问您想约哪一天？");
        }

        (reading.Date, reading.DateWords) = (date, match.Value);
        return null;
    }

    /// <summary>This year, or next year when this year's date went by more than 60 days ago.</summary>
    private static int YearOf(Match match, DateOnly today, int month, int day)
    {
        if (match.Groups["year"].Success && ChineseNumerals.TryParse(match.Groups["year"].Value, out var year) && year is > 2000 and < 2200)
        {
            return year;
        }

        if (match.Groups["ryear"].Success)
        {
            return today.Year + (match.Groups["ryear"].Value == "明年" ? 1 : 0);
        }

        var thisYear = new DateOnly(today.Year, month, Math.Clamp(day, 1, DateTime.DaysInMonth(today.Year, month)));
        return today.DayNumber - thisYear.DayNumber > 60 ? today.Year + 1 : today.Year;
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

    private static TimeParseResult Impossible(string what) =>
        TimeParseResult.Fail(TimeParseOutcome.Impossible, $"{what}，请问您想约哪一天？");

    private static TimeParseResult Mismatch(DateOnly date, string weekday) =>
        TimeParseResult.Fail(
            TimeParseOutcome.NeedsClarification,
            $"{date.Month}月{date.Day}日是周{"日一二三四五六"[(int)date.DayOfWeek]}，不是{weekday}，请问您想约哪一天？");

    [GeneratedRegex(@"(?:[快早晚慢稍]一?|[好多差有]一)点儿?(?![钟半\d零〇一二两三四五六七八九十刻整:])")]
    private static partial Regex ABit();

    [GeneratedRegex(@"(?<word>大后天|后天|明天|明日|明儿|今天|今日|今儿|昨天|昨日|前天)|(?<day>[今明昨])(?<part>晚|早|夜|晨)")]
    private static partial Regex RelativeDay();

    [GeneratedRegex(@"(?<rel>下下|下|这|本|上)?个?(?:周|星期|礼拜)(?<wd>[一二三四五六日天七]|[1-7](?!\d))")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"(?<year>\d{4})[-/.年](?<month>\d{1,2})[-/.月](?<day>\d{1,2})日?|(?<![\d:])(?<month>\d{1,2})/(?<day>\d{1,2})(?![\d:])")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?:(?:(?<year>\d{4}|[零〇一二三四五六七八九]{4})年|(?<ryear>今年|明年))?(?<month>" + N + @")月份?|(?<rmonth>下下个?月|下个?月|这个?月|本月))?(?<day>" + N + @")[日号]")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"(?<month>" + N + @")月份?|下下个?月|下个?月|这个?月|本月")]
    private static partial Regex MonthAlone();

    [GeneratedRegex(@"(?:下下|下|这|本)?个?周末|(?:下下|下|这|本|上)个?(?:周|星期|礼拜)")]
    private static partial Regex WeekAlone();
}
