namespace Bot.Skills.Mediation;

/// <summary>
/// Reminders 24 hours and 1 hour before a session, to the resident and the mediator. Implementations persist
/// them (they survive restarts) and send each exactly once; scheduling again replaces the earlier reminders.
/// </summary>
public interface IBookingReminders
{
    Task ScheduleAsync(Booking booking, CancellationToken cancellationToken);

    Task UnscheduleAsync(string bookingNumber, CancellationToken cancellationToken);
}
