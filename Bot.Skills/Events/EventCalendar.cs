namespace Bot.Skills.Events;

/// <summary>Computes sessions from the rules and their exceptions. Pure: the caller passes "now".</summary>
public static class EventCalendar
{
    /// <summary>A move may shift a session by at most this much, so the rule is read this far either side.</summary>
    private static readonly TimeSpan MoveReach = TimeSpan.FromDays(31);

    /// <summary>Sessions whose (effective) start is in [from, to), soonest first; cancelled ones included and flagged.</summary>
    public static IReadOnlyList<EventOccurrence> Between(EventSchedule schedule, IReadOnlyList<EventException> exceptions, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(exceptions);
        if (!schedule.Active || !CronRule.TryParse(schedule.Cron, out var rule, out _))
        {
            return [];
        }

        var byStart = exceptions.Where(e => e.ScheduleId == schedule.Id)
            .GroupBy(e => e.OriginalStart.ToUnixTimeSeconds())
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Last());
        var result = new List<EventOccurrence>();
        var cursor = from - MoveReach - TimeSpan.FromSeconds(1);
        while (rule!.Next(cursor) is { } start && start < to + MoveReach)
        {
            cursor = start;
            var occurrence = Apply(schedule, start, byStart.GetValueOrDefault(start.ToUnixTimeSeconds()));
            if (occurrence.Start >= from && occurrence.Start < to)
            {
                result.Add(occurrence);
            }
        }

        return [.. result.OrderBy(o => o.Start)];
    }

    /// <summary>The next sessions that have not started, cancelled ones left out; across schedules, soonest first.</summary>
    public static IReadOnlyList<EventOccurrence> Next(
        IEnumerable<EventSchedule> schedules, IReadOnlyList<EventException> exceptions, DateTimeOffset now, int count, int horizonDays = 62)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        return [.. schedules
            .SelectMany(s => Between(s, exceptions, now.AddTicks(1), now.AddDays(horizonDays)))
            .Where(o => !o.Cancelled)
            .OrderBy(o => o.Start)
            .Take(count)];
    }

    /// <summary>One session by its id (the rule must really produce that start), with its exception.</summary>
    public static EventOccurrence? Find(EventSchedule schedule, IReadOnlyList<EventException> exceptions, DateTimeOffset originalStart)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(exceptions);
        if (!CronRule.TryParse(schedule.Cron, out var rule, out _) || rule!.Next(originalStart.AddSeconds(-1)) != originalStart)
        {
            return null;
        }

        var exception = exceptions.Where(e => e.ScheduleId == schedule.Id && e.OriginalStart == originalStart)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).LastOrDefault();
        return Apply(schedule, originalStart, exception);
    }

    private static EventOccurrence Apply(EventSchedule schedule, DateTimeOffset start, EventException? exception)
    {
        var end = start.AddMinutes(schedule.DurationMinutes);
        if (exception is null || exception.Cancelled)
        {
            return new EventOccurrence(schedule, start, start, end, schedule.Place, exception);
        }

        var newStart = exception.NewStart ?? start;
        var newEnd = exception.NewEnd ?? newStart + (end - start);
        return new EventOccurrence(schedule, start, newStart, newEnd, exception.NewPlace ?? schedule.Place, exception);
    }
}
