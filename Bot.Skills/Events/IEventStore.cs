using Bot.Skills.Engine;

namespace Bot.Skills.Events;

/// <summary>Schedules, their exceptions, residents' registrations and minutes. The connectors keep them in the database.</summary>
public interface IEventStore
{
    /// <summary>Creates (Id 0) or replaces a schedule.</summary>
    /// <exception cref="KeyNotFoundException">No such schedule.</exception>
    Task<EventSchedule> UpsertScheduleAsync(EventSchedule schedule, CancellationToken cancellationToken);

    Task<IReadOnlyList<EventSchedule>> ListSchedulesAsync(CancellationToken cancellationToken);

    Task<EventSchedule?> GetScheduleAsync(long id, CancellationToken cancellationToken);

    Task<EventException> AddExceptionAsync(EventException exception, CancellationToken cancellationToken);

    Task<IReadOnlyList<EventException>> ListExceptionsAsync(CancellationToken cancellationToken);

    Task<EventRegistration> AddRegistrationAsync(EventRegistration registration, CancellationToken cancellationToken);

    /// <summary>The resident's own registrations, newest first. Nobody else's.</summary>
    Task<IReadOnlyList<EventRegistration>> ListForResidentAsync(ResidentKey resident, CancellationToken cancellationToken);

    /// <summary>Registrations for one session (topics, home visits), and the schedule's subscriptions when asked.</summary>
    Task<IReadOnlyList<EventRegistration>> ListForOccurrenceAsync(long scheduleId, string occurrenceId, bool withSubscriptions, CancellationToken cancellationToken);

    /// <summary>Cancels an active registration if it is the resident's own.</summary>
    /// <returns>The cancelled registration, or null (not theirs, not found, or no longer active).</returns>
    Task<EventRegistration?> CancelAsync(long id, ResidentKey resident, CancellationToken cancellationToken);

    /// <summary>Settles an active registration (guarded: only one caller wins).</summary>
    Task<EventRegistration?> SettleAsync(long id, RegistrationState state, string? outcome, string? ticketNumber, CancellationToken cancellationToken);

    /// <summary>Records the minutes once.</summary>
    /// <returns>False when the session's minutes were recorded before.</returns>
    Task<bool> AddMinutesAsync(EventMinutes minutes, CancellationToken cancellationToken);

    Task<EventMinutes?> GetMinutesAsync(string occurrenceId, CancellationToken cancellationToken);
}

/// <summary>The day-before and hour-before announcements. The host keeps them as persistent Quartz triggers.</summary>
public interface IEventReminders
{
    /// <summary>(Re)plans the announcement triggers of the coming sessions; idempotent.</summary>
    Task PlanAsync(CancellationToken cancellationToken);
}
