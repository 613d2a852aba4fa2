using System.Globalization;

namespace Bot.Skills.Events;

/// <summary>One session of a schedule, with any exception applied. Its id stays the same when it is moved.</summary>
public sealed record EventOccurrence(
    EventSchedule Schedule,
    DateTimeOffset OriginalStart,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Place,
    EventException? Exception)
{
    public string Id => OccurrenceId(Schedule.Id, OriginalStart);

    public bool Cancelled => Exception?.Cancelled == true;

    public bool Moved => Exception is { Cancelled: false };

    /// <summary>"3-202701050900": the schedule and the rule's start in China time; readable in URLs and keys.</summary>
    public static string OccurrenceId(long scheduleId, DateTimeOffset originalStart) =>
        string.Create(CultureInfo.InvariantCulture, $"{scheduleId}-{originalStart.ToOffset(CronRule.China):yyyyMMddHHmm}");

    public static bool TryParseId(string? id, out long scheduleId, out DateTimeOffset originalStart)
    {
        (scheduleId, originalStart) = (0, default);
        var parts = id?.Split('-') ?? [];
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out scheduleId)
            || !DateTime.TryParseExact(parts[1], "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        originalStart = new DateTimeOffset(local, CronRule.China);
        return true;
    }
}
