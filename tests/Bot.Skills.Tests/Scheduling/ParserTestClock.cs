using System.Globalization;
using Bot.Skills.Scheduling;

namespace Bot.Skills.Tests.Scheduling;

internal static class ParserTestClock
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>Wednesday 2026-11-25 10:00 in China.</summary>
    public static DateTimeOffset Now { get; } = At(2026, 11, 25, 10);

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, China);

    /// <summary>A point as "yyyy-MM-dd HH:mm", a range as "start~end", anything else as its outcome.</summary>
    public static string Describe(TimeParseResult result) => result.Outcome switch
    {
        TimeParseOutcome.Point => Format(result.Start!.Value),
        TimeParseOutcome.Range => $"{Format(result.Start!.Value)}~{Format(result.End!.Value)}",
        _ => result.Outcome.ToString(),
    };

    private static string Format(DateTimeOffset at)
    {
        Assert.Equal(China, at.Offset);
        return at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }
}
