using Bot.Skills.Mediation;
using Quartz;

namespace Bot.Host.Jobs;

/// <summary>
/// Booking reminders as one-off Quartz triggers in the persistent store: they survive restarts, and a reminder
/// whose time passed while every host was down fires at once (misfire: fire now) — unless the session has begun,
/// which the reminder service checks.
/// </summary>
public sealed class QuartzBookingReminders(ISchedulerFactory schedulers, TimeProvider clock) : IBookingReminders
{
    public async Task ScheduleAsync(Booking booking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        foreach (var stage in Enum.GetValues<ReminderStage>())
        {
            var at = booking.Start - BookingReminderService.Lead(stage);
            if (at <= clock.GetUtcNow())
            {
                // Booked at short notice: that reminder's moment is gone; drop any left from an earlier time.
                await scheduler.UnscheduleJob(Key(booking.Number, stage), cancellationToken).ConfigureAwait(false);
                continue;
            }

            var trigger = TriggerBuilder.Create(clock)
                .WithIdentity(Key(booking.Number, stage))
                .ForJob(BookingReminderJob.Key)
                .UsingJobData(BookingReminderJob.NumberKey, booking.Number)
                .UsingJobData(BookingReminderJob.StageKey, stage.ToString())
                .StartAt(at)
                .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();

            // Replacing keeps a rescheduled booking to one trigger per stage, at its new time.
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task UnscheduleAsync(string bookingNumber, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        foreach (var stage in Enum.GetValues<ReminderStage>())
        {
            await scheduler.UnscheduleJob(Key(bookingNumber, stage), cancellationToken).ConfigureAwait(false);
        }
    }

    private static TriggerKey Key(string number, ReminderStage stage) => new($"{number}:{stage}", "booking-reminders");
}
