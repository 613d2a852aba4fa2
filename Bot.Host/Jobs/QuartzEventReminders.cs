using System.Globalization;
using Bot.Skills.Events;
using Quartz;

namespace Bot.Host.Jobs;

/// <summary>
/// Keeps one one-off trigger per coming session and stage (day before, hour before) in the persistent store, for the
/// next <see cref="HorizonDays"/> days. Idempotent: triggers are replaced by key, and those of sessions that were
/// cancelled or no longer exist are removed. A trigger whose time has passed is left alone — it fires (misfire: fire
/// now) and the announcer decides whether it is still due.
/// </summary>
public sealed class QuartzEventReminders(ISchedulerFactory schedulers, IEventStore store, TimeProvider clock) : IEventReminders
{
    public const int HorizonDays = 14;
    public const string Group = "event-announcements";

    private readonly SemaphoreSlim _planning = new(1, 1);

    public async Task PlanAsync(CancellationToken cancellationToken)
    {
        await _planning.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await PlanNowAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _planning.Release();
        }
    }

    private async Task PlanNowAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var exceptions = await store.ListExceptionsAsync(cancellationToken).ConfigureAwait(false);
        var wanted = new Dictionary<TriggerKey, (EventOccurrence Occurrence, AnnouncementStage Stage)>();
        foreach (var schedule in await store.ListSchedulesAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var occurrence in EventCalendar.Between(schedule, exceptions, now.AddDays(-1), now.AddDays(HorizonDays)).Where(o => !o.Cancelled))
            {
                foreach (var stage in Enum.GetValues<AnnouncementStage>())
                {
                    wanted[Key(occurrence, stage)] = (occurrence, stage);
                }
            }
        }

        foreach (var existing in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), cancellationToken).ConfigureAwait(false))
        {
            if (!wanted.ContainsKey(existing))
            {
                await scheduler.UnscheduleJob(existing, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var (key, (occurrence, stage)) in wanted)
        {
            var at = occurrence.Start - EventAnnouncer.Lead(stage);
            if (at <= now)
            {
                continue;
            }

            var trigger = TriggerBuilder.Create(clock)
                .WithIdentity(key)
                .ForJob(EventAnnouncementJob.Key)
                .UsingJobData(EventAnnouncementJob.ScheduleKey, occurrence.Schedule.Id.ToString(CultureInfo.InvariantCulture))
                .UsingJobData(EventAnnouncementJob.OriginalStartKey, occurrence.OriginalStart.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
                .UsingJobData(EventAnnouncementJob.StartKey, occurrence.Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
                .UsingJobData(EventAnnouncementJob.StageKey, stage.ToString())
                .StartAt(at)
                .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TriggerKey Key(EventOccurrence occurrence, AnnouncementStage stage) => new($"{occurrence.Id}:{stage}", Group);
}

/// <summary>For a host with the scheduler switched off (<c>Jobs:Enabled</c> = false): announcements are not planned here.</summary>
public sealed partial class NoEventReminders(ILogger<NoEventReminders> logger) : IEventReminders
{
    public Task PlanAsync(CancellationToken cancellationToken)
    {
        LogSkipped();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jobs:Enabled is false: event announcements are not planned on this host")]
    private partial void LogSkipped();
}
