using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Skills.Scheduling;

/// <summary>
/// Reads a time as a resident types it (明天下午3点, 下周三上午, 11月25号, 15:30, 今晚八点) relative to a given now,
/// always in China Standard Time whatever the server's zone. Rules for what the text leaves open:
/// <list type="bullet">
/// <item>A bare hour follows <see cref="TimeParseOptions.PreferDaytime"/> (3点 = 15:00, 十点 = 10:00).</item>
/// <item>A time without a date is its next occurrence: today if still ahead, else tomorrow.</item>
/// <item>A bare weekday (周三) is its next occurrence; today's weekday means today when the time asked for (or,
/// with no time, the rest of the day) is still ahead, else the same day next week.</item>
/// <item>这周/本周X is that day of the current Monday–Sunday week (it may be past); 下周X the week after;
/// 下下周X two weeks on.</item>
/// <item>A month and day without a year is this year's, unless that was more than 60 days ago: then next year's
/// (on 12月31日, 1月3日 is next January; 11月20日 said on 11月25日 is past, not next year).</item>
/// <item>A day alone (25号) is in this month when not yet gone, else in the next month.</item>
/// </list>
/// </summary>
public static partial class ChineseTimeParser
{
    internal const string PastMessage = "这个时间已经过去了，请选一个以后的时间。";
    private const string NotUnderstoodMessage = "没看懂您说的时间，请说“明天下午3点”或“11月25日上午10点”这样的时间。";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <param name="text">What the resident typed; may hold other words around the time.</param>
    /// <param name="now">The moment the text was typed; read in China time.</param>
    /// <param name="options">How to settle a bare hour; <see cref="TimeParseOptions.Booking"/> when null.</param>
    public static TimeParseResult Parse(string? text, DateTimeOffset now, TimeParseOptions? options = null)
    {
        options ??= TimeParseOptions.Booking;
        var local = now.ToOffset(China);
        var today = DateOnly.FromDateTime(local.DateTime);
        var rest = Normalize(text);
        var reading = new TimeReading();

        var stop = ReadDates(ref rest, today, reading) ?? ReadClock(ref rest, reading, options);
        if (stop is not null)
        {
            return stop;
        }

        return reading.IsEmpty
            ? TimeParseResult.Fail(TimeParseOutcome.NotUnderstood, NotUnderstoodMessage)
            : Resolve(reading, local, today);
    }

    private static TimeParseResult Resolve(TimeReading reading, DateTimeOffset now, DateOnly today)
    {
        var dateKnown = reading.Date is not null;
        var date = reading.Date ?? today;
        var shift = dateKnown ? reading.ShiftIfGone : 1;

        if (reading.Hour is { } hour)
        {
            DateTimeOffset At(DateOnly day) => Midnight(day.AddDays(reading.DayOffset)).AddHours(hour).AddMinutes(reading.Minute);
            var at = At(date);
            if (at < now && shift > 0)
            {
                at = At(date.AddDays(shift));
            }

            return at < now
                ? new TimeParseResult(TimeParseOutcome.Past, at, null, dateKnown, true, PastMessage)
                : new TimeParseResult(TimeParseOutcome.Point, at, null, dateKnown, true, null);
        }

        var (first, last) = reading.Part is { } part ? DayParts.Hours(part) : (0, 24);
        if (Midnight(date).AddHours(last) <= now && shift > 0)
        {
            date = date.AddDays(shift);
        }

        var (start, end) = (Midnight(date).AddHours(first), Midnight(date).AddHours(last));
        if (end <= now)
        {
            return new TimeParseResult(TimeParseOutcome.Past, start, end, dateKnown, false, PastMessage);
        }

        var question = reading.Part is { } named ? $"请问{DayParts.Name(named)}几点？" : "请问几点？";
        return new TimeParseResult(TimeParseOutcome.Range, start, end, dateKnown, false, question);
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), China);

    private static string Normalize(string? text)
    {
        // Spaces go (下午 3 点), except between numbers, where they separate a date from a time (11/27 14:00).
        var builder = new StringBuilder();
        var source = DigitSpace().Replace(text ?? string.Empty, "|");
        foreach (var c in source)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c switch
                {
                    >= '０' and <= '９' => (char)(c - '０' + '0'),
                    '：' => ':',
                    '點' => '点',
                    '號' => '号',
                    _ => c,
                });
            }
        }

        return builder.ToString();
    }

    /// <summary>Finds the first match and blanks it out, so later patterns do not read the same characters.</summary>
    private static bool Take(Regex regex, ref string rest, out Match match)
    {
        match = regex.Match(rest);
        if (match.Success)
        {
            rest = string.Concat(rest.AsSpan(0, match.Index), "|", rest.AsSpan(match.Index + match.Length));
        }

        return match.Success;
    }

    [GeneratedRegex(@"(?<=[0-9０-９])\s+(?=[0-9０-９])")]
    private static partial Regex DigitSpace();
}
