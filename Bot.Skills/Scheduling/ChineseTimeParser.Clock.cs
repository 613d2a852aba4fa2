using System.Text.RegularExpressions;

namespace Bot.Skills.Scheduling;

public static partial class ChineseTimeParser
{
    private static TimeParseResult? ReadClock(ref string rest, TimeReading reading, TimeParseOptions options)
    {
        // The last part of the day named wins: 明早上8点 reads 早上 after 明早.
        while (Take(PartOfDay(), ref rest, out var part))
        {
            reading.Part = DayParts.FromWord(part.Groups["short"].Success ? part.Groups["short"].Value : part.Value);
        }

        if (!Take(Clock(), ref rest, out var clock))
        {
            return null;
        }

        if (!ChineseNumerals.TryParse(clock.Groups["hour"].Value, out var hour) || !TryMinute(clock, out var minute))
        {
            return TimeParseResult.Fail(TimeParseOutcome.NotUnderstood, NotUnderstoodMessage);
        }

        if (hour > 23)
        {
            return TimeParseResult.Fail(TimeParseOutcome.Impossible, $"没有{hour}点，请说0到23点之间的时间，比如“下午3点”。");
        }

        if (minute > 59)
        {
            return TimeParseResult.Fail(TimeParseOutcome.Impossible, $"没有{minute}分，请说0到59分之间的时间，比如“3点45分”。");
        }

        if (reading.Part is { } named)
        {
            if (DayParts.Clock(named, hour) is not { } clockHour)
            {
                return TimeParseResult.Fail(
                    TimeParseOutcome.Impossible, $"“{DayParts.Name(named)}”和“{hour}点”对不上，请问您想约几点？");
            }

            (reading.Hour, reading.DayOffset) = clockHour;
        }
        else if (hour is >= 1 and <= 11 && !options.PreferDaytime)
        {
            return TimeParseResult.Fail(TimeParseOutcome.NeedsClarification, $"请问是上午{hour}点还是下午{hour}点？");
        }
        else
        {
            reading.Hour = hour is >= 1 and <= 6 ? hour + 12 : hour;
        }

        reading.Minute = minute;
        return null;
    }

    private static bool TryMinute(Match clock, out int minute)
    {
        minute = clock.Groups["half"].Success ? 30
            : clock.Groups["quarter"].Success ? 15
            : clock.Groups["three"].Success ? 45
            : 0;
        return !clock.Groups["minute"].Success || ChineseNumerals.TryParse(clock.Groups["minute"].Value, out minute);
    }

    [GeneratedRegex(@"凌晨|清晨|早上|早晨|上午|中午|午后|下午|傍晚|黄昏|晚上|夜里|夜间|晚间|半夜|深夜|午夜|(?<short>[早晚])(?=(?:\d{1,2}|[零〇一二两三四五六七八九十]{1,3})[点时:])")]
    private static partial Regex PartOfDay();

    [GeneratedRegex(@"(?<![\d零〇一二两三四五六七八九十])(?<hour>\d{1,2}|[零〇一二两三四五六七八九十]{1,3})(?:(?:点钟?|时)(?:(?<half>半)|(?<quarter>一刻|1刻)|(?<three>三刻|3刻)|整|(?<minute>\d{1,3}|[零〇一二三四五六七八九十]{1,3})分?)?|:(?<minute>\d{2})(?!\d))")]
    private static partial Regex Clock();
}
