using System.Globalization;
using Bot.Skills.Events;
using Quartz;

namespace Bot.Host.Jobs;

/// <summary>
/// Sends one announcement of one session. Fired by a one-off trigger per session and stage; the announcer makes the
/// sending exactly-once and skips a session that was cancelled, moved away from this trigger's time, or has begun.
/// </summary>
public sealed class EventAnnouncementJob(EventAnnouncer announcer) : IJob
{
    public static readonly JobKey Key = new("event-announcement", "events");

    public const string ScheduleKey = "schedule";
    public const string OriginalStartKey = "originalStart";
    public const string StartKey = "start";
    public const string StageKey = "stage";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        if (long.TryParse(data.GetString(ScheduleKey), NumberStyles.None, CultureInfo.InvariantCulture, out var schedule)
            && long.TryParse(data.GetString(OriginalStartKey), NumberStyles.None, CultureInfo.InvariantCulture, out var original)
            && long.TryParse(data.GetString(StartKey), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && Enum.TryParse<AnnouncementStage>(data.GetString(StageKey), out var stage))
        {
            await announcer.AnnounceAsync(schedule, DateTimeOffset.FromUnixTimeSeconds(original), DateTimeOffset.FromUnixTimeSeconds(start), stage, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Re-plans the announcement triggers of the coming sessions (a rolling window), a few times a day.</summary>
[DisallowConcurrentExecution]
public sealed class EventPlannerJob(IEventReminders reminders) : IJob
{
    public static readonly JobKey Key = new("event-planner", "events");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await reminders.PlanAsync(cancellationToken).ConfigureAwait(false);
}
