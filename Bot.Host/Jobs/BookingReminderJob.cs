using Bot.Skills.Mediation;
using Quartz;

namespace Bot.Host.Jobs;

/// <summary>
/// Sends one booking reminder. Fired by a one-off trigger per booking and stage; the reminder service makes the
/// sending exactly-once, so a retried firing (or one on another host) sends nothing more.
/// </summary>
public sealed class BookingReminderJob(BookingReminderService reminders) : IJob
{
    public static readonly JobKey Key = new("booking-reminder", "bookings");

    public const string NumberKey = "number";
    public const string StageKey = "stage";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        if (data.GetString(NumberKey) is { Length: > 0 } number && Enum.TryParse<ReminderStage>(data.GetString(StageKey), out var stage))
        {
            await reminders.RemindAsync(number, stage, cancellationToken).ConfigureAwait(false);
        }
    }
}
