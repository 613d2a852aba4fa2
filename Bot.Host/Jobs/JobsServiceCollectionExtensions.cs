using Bot.Connectors.Storage;
using Bot.Skills.Escalation;
using Bot.Skills.Mediation;
using Quartz;

namespace Bot.Host.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Quartz with its job store in the bot's own database (tables QRTZ_*, created when missing, JSON-serialised job
    /// data): the SQLite file, or on PostgreSQL a clustered store every host shares; and the recurring SLA sweep. The scheduler's clock is the container's TimeProvider: Quartz takes a
    /// registered TimeProvider when none is given to it, so in tests the fake clock drives the sweep too.
    /// </summary>
    public static IServiceCollection AddBotJobs(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        if (!jobs.Enabled)
        {
            services.AddSingleton<IBookingReminders, NoBookingReminders>();
            services.AddSingleton<Bot.Skills.Events.IEventReminders, NoEventReminders>();
            return services;
        }

        services.AddSingleton<IBookingReminders, QuartzBookingReminders>();
        services.AddSingleton<Bot.Skills.Events.IEventReminders, QuartzEventReminders>();

        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var postgres = StorageServiceCollectionExtensions.IsPostgres(storage);
        var connectionString = postgres ? storage.ConnectionString : StorageServiceCollectionExtensions.ResolveSqlitePath(storage.ConnectionString, contentRoot);
        var interval = TimeSpan.FromSeconds((configuration.GetSection(SlaOptions.SectionName).Get<SlaOptions>() ?? new SlaOptions()).SweepIntervalSeconds);
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = jobs.SchedulerName);

            quartz.UsePersistentStore(store =>
            {
                if (postgres)
                {
                    store.UsePostgres(connectionString);
                    // Every host shares this store; clustered, exactly one fires each trigger (Quartz generates instance ids).
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(connectionString);
                }

                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
            quartz.ScheduleJob<SlaSweepJob>(
                trigger => trigger
                    .WithIdentity("sla-sweep", "sla")
                    .StartNow()
                    .WithSimpleSchedule(schedule => schedule
                        .WithInterval(interval)
                        .RepeatForever()

                        // Each sweep looks at every open ticket, so one run catches up all that a host missed while
                        // it was down or busy: missed firings are skipped, not replayed back to back.
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(SlaSweepJob.Key));

            // Booking reminders: one durable job, fired by a one-off trigger per booking and stage.
            quartz.AddJob<BookingReminderJob>(job => job.WithIdentity(BookingReminderJob.Key).StoreDurably());

            // Event announcements: one durable job fired by one-off triggers per session and stage, which a planner
            // keeps for a rolling window. The planner runs at start and every 6 hours; one run catches up everything,
            // so missed runs are skipped rather than replayed.
            quartz.AddJob<EventAnnouncementJob>(job => job.WithIdentity(EventAnnouncementJob.Key).StoreDurably());
            quartz.ScheduleJob<EventPlannerJob>(
                trigger => trigger
                    .WithIdentity("event-planner", "events")
                    .StartNow()
                    .WithSimpleSchedule(schedule => schedule
                        .WithInterval(TimeSpan.FromHours(6))
                        .RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(EventPlannerJob.Key));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
