using System.Globalization;

namespace Bot.Host.AdminConsole.Endpoints;

/// <summary>Periods in China time: this week, month, quarter or year, or a quarter such as <c>2026Q4</c>.</summary>
public static class ConsolePeriods
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static bool TryResolve(string? period, DateTimeOffset now, out DateTimeOffset from, out DateTimeOffset to)
    {
        var today = now.ToOffset(China).Date;
        DateTime start;
        switch (period ?? "quarter")
        {
            case "week":
                start = WeekStart(today);
                break;
            case "month":
                start = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
                break;
            case "year":
                start = new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
                break;
            case "quarter":
                start = new DateTime(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
                break;
            default:
                return TryQuarter(period, out from, out to);
        }

        from = new DateTimeOffset(start, China);
        to = now.AddSeconds(1);
        return true;
    }

    /// <summary><c>2026Q4</c> → [2026-10-01, 2027-01-01) China time.</summary>
    public static bool TryQuarter(string? quarter, out DateTimeOffset from, out DateTimeOffset to)
    {
        (from, to) = (default, default);
        if (quarter is not { Length: 6 } || char.ToUpperInvariant(quarter[4]) != 'Q'
            || !int.TryParse(quarter.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || quarter[5] is < '1' or > '4' || year < 2000)
        {
            return false;
        }

        from = new DateTimeOffset(year, ((quarter[5] - '1') * 3) + 1, 1, 0, 0, 0, China);
        to = from.AddMonths(3);
        return true;
    }

    public static DateTime WeekStart(DateTime day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
