using System.Globalization;

namespace Bot.Host.AdminConsole.Endpoints;

/// <summary>A range of whole days in China time from <c>from</c>/<c>to</c> (yyyy-MM-dd, both inclusive).</summary>
public static class ConsoleDateRange
{
    /// <returns>False when a date is malformed, <c>to</c> is before <c>from</c>, or the range is longer than <paramref name="maxDays"/>.</returns>
    public static bool TryParse(
        string? from, string? to, DateOnly defaultFrom, int defaultDays, int maxDays, out DateTimeOffset start, out DateTimeOffset end)
    {
        (start, end) = (default, default);
        if (!TryDate(from, defaultFrom, out var first) || !TryDate(to, first.AddDays(defaultDays - 1), out var last)
            || last < first || last.DayNumber - first.DayNumber + 1 > maxDays)
        {
            return false;
        }

        start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), ConsolePeriods.China);
        end = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), ConsolePeriods.China);
        return true;
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ConsolePeriods.China).DateTime);

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        return string.IsNullOrEmpty(text) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
