using System.Text.RegularExpressions;

namespace Bot.Skills.Scheduling;

public static partial class ChineseTimeParser
{
    private const string N = ChineseNumerals.Pattern;

    private static TimeParseResult? ReadDates(ref string rest, DateOnly today, TimeReading reading)
    {
        // 早一点/快点 are about hurry, not 1 o'clock.
        rest = ABit().Replace(rest, "|");

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

    private static TimeParseResult Impossible(string what) =>
        TimeParseResult.Fail(TimeParseOutcome.Impossible, $"{what}，请问您想约哪一天？");

    [GeneratedRegex(@"(?:[快早晚慢稍]一?|[好多差有]一)点儿?(?![钟半\d零〇一二两三四五六七八九十刻整:])")]
    private static partial Regex ABit();

    [GeneratedRegex(@"(?<word>大后天|后天|明天|明日|明儿|今天|今日|今儿|昨天|昨日|前天)|(?<day>[今明昨])(?<part>晚|早|夜|晨)")]
    private static partial Regex RelativeDay();

    [GeneratedRegex(@"(?<year>\d{4})[-/.年](?<month>\d{1,2})[-/.月](?<day>\d{1,2})日?|(?<![\d:])(?<month>\d{1,2})/(?<day>\d{1,2})(?![\d:])")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?:(?:(?<year>\d{4}|[零〇一二三四五六七八九]{4})年|(?<ryear>今年|明年))?(?<month>" + N + @")月份?|(?<rmonth>下下个?月|下个?月|这个?月|本月))?(?<day>" + N + @")[日号]")]
    private static partial Regex ChineseDate();
}
