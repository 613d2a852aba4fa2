using Bot.Skills.Mediation;

namespace Bot.Host.Jobs;

/// <summary>For a host with the scheduler switched off (<c>Jobs:Enabled</c> = false): reminders are not kept.</summary>
public sealed partial class NoBookingReminders(ILogger<NoBookingReminders> logger) : IBookingReminders
{
    public Task ScheduleAsync(Booking booking, CancellationToken cancellationToken)
    {
        LogSkipped(booking.Number);
        return Task.CompletedTask;
    }

    public Task UnscheduleAsync(string bookingNumber, CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jobs:Enabled is false: no reminders are scheduled for booking {Number}")]
    private partial void LogSkipped(string number);
}
