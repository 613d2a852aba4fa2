using System.Globalization;

namespace Bot.Skills.Events;

/// <summary>
/// The Quartz cron subset the schedules use — <c>sec min hour day-of-month month day-of-week</c> with <c>*</c>,
/// <c>?</c>, lists, ranges and steps, and day names (MON–SUN, Quartz numbering 1 = SUN) — evaluated in China time.
/// Written here because Bot.Skills does not reference Quartz; the host's scheduler only fires the reminders.
/// </summary>
public sealed class CronRule
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    private readonly bool[] _seconds, _minutes, _hours, _days, _months, _weekdays;

    private CronRule(string expression, bool[][] fields)
    {
        Expression = expression;
        (_seconds, _minutes, _hours, _days, _months, _weekdays) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }

    public string Expression { get; }

    /// <exception cref="FormatException">The expression is not in the supported subset (message in Chinese).</exception>
    public static CronRule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is not (6 or 7))
        {
            throw new FormatException($"时间规则“{expression}”应为“秒 分 时 日 月 周”六段，例如 0 0 9 5,15,25 * ?");
        }

        if (parts[3] != "?" && parts[5] != "?" && !(parts[3] == "*" && parts[5] == "*"))
        {
            throw new FormatException("“日”和“周”两段必须有一段写 ?");
        }

        var fields = new[]
        {
            Field(parts[0], 0, 59, null, 0), Field(parts[1], 0, 59, null, 0), Field(parts[2], 0, 23, null, 0),
            Field(parts[3], 1, 31, null, 0), Field(parts[4], 1, 12, MonthNames, 1), Field(parts[5], 1, 7, DayNames, 1),
        };
        return new CronRule(string.Join(' ', parts.Take(6)), fields);
    }

    public static bool TryParse(string? expression, out CronRule? rule, out string? error)
    {
        try
        {
            (rule, error) = (Parse(expression ?? string.Empty), null);
            return true;
        }
        catch (FormatException ex)
        {
            (rule, error) = (null, ex.Message);
            return false;
        }
    }

    /// <summary>The first firing strictly after <paramref name="after"/>, or null within ten years (e.g. 0 0 9 31 2 ?).</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var local = after.ToOffset(China);
        var day = local.Date;
        for (var i = 0; i < 3700; i++, day = day.AddDays(1))
        {
            if (!_months[day.Month] || !_days[day.Day] || !_weekdays[(int)day.DayOfWeek + 1])
            {
                continue;
            }

            for (var h = 0; h < 24; h++)
            {
                for (var m = 0; h < 24 && _hours[h] && m < 60; m++)
                {
                    for (var s = 0; _minutes[m] && s < 60; s++)
                    {
                        var at = new DateTimeOffset(day.Year, day.Month, day.Day, h, m, s, China);
                        if (_seconds[s] && at > after)
                        {
                            return at;
                        }
                    }
                }
            }
        }

        return null;
    }

    private static bool[] Field(string text, int min, int max, string[]? names, int nameBase)
    {
        var allowed = new bool[max + 1];
        foreach (var item in text.Split(','))
        {
            var (range, step) = item.Split('/') is [var r, var s] ? (r, Number(s, 1, max, null, 0)) : (item, 1);
            var (from, to) = range is "*" or "?" ? (min, max)
                : range.Split('-') is [var a, var b] ? (Number(a, min, max, names, nameBase), Number(b, min, max, names, nameBase))
                : (Number(range, min, max, names, nameBase), item.Contains('/', StringComparison.Ordinal) ? max : Number(range, min, max, names, nameBase));
            if (from > to)
            {
                throw new FormatException($"“{item}”的范围不对");
            }

            for (var v = from; v <= to; v += step)
            {
                allowed[v] = true;
            }
        }

        return allowed;
    }

    private static int Number(string text, int min, int max, string[]? names, int nameBase)
    {
        var index = names is null ? -1 : Array.IndexOf(names, text.ToUpperInvariant());
        if (index >= 0)
        {
            return index + nameBase;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"“{text}”不在 {min}–{max} 之内");
    }
}
