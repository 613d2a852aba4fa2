using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Dispatch;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Microsoft.Extensions.Logging;

namespace Bot.Skills.Events;

/// <summary>Finds the sessions that concern a resident, registers topics and home visits, and applies exceptions.</summary>
public sealed partial class EventService(
    IEventStore store,
    IGridRoster roster,
    IComplaintClassifier classifier,
    ITicketLedger ledger,
    ITicketDispatcher dispatcher,
    IEventReminders reminders,
    EventAnnouncer announcer,
    TimeProvider clock,
    ILogger<EventService> logger)
{
    /// <summary>
    /// The next sessions of a kind for the resident's compound (from their bound building): schedules for that compound
    /// or for the whole community, and visit days whose plan includes the compound. Unbound residents see all.
    /// </summary>
    public async Task<IReadOnlyList<EventOccurrence>> NextForAsync(ResidentKey resident, EventKind kind, int count, CancellationToken cancellationToken)
    {
        var building = await roster.GetResidentBuildingAsync(resident, cancellationToken).ConfigureAwait(false);
        return await NextForCompoundAsync(building?.CompoundId, kind, count, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next sessions for a compound (its own, community-wide ones, visit rounds that include it); null: all.</summary>
    public async Task<IReadOnlyList<EventOccurrence>> NextForCompoundAsync(long? compoundId, EventKind kind, int count, CancellationToken cancellationToken)
    {
        var schedules = (await store.ListSchedulesAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => s.Kind == kind && s.Active && Serves(s, compoundId)).ToList();
        var exceptions = await store.ListExceptionsAsync(cancellationToken).ConfigureAwait(false);
        return EventCalendar.Next(schedules, exceptions, clock.GetUtcNow(), count);
    }

    /// <summary>Sessions cancelled from now on for a compound, so a group asking "还办吗" hears it first.</summary>
    public async Task<IReadOnlyList<EventOccurrence>> CancelledAheadAsync(long? compoundId, EventKind kind, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var schedules = (await store.ListSchedulesAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => s.Kind == kind && s.Active && Serves(s, compoundId)).ToList();
        var exceptions = await store.ListExceptionsAsync(cancellationToken).ConfigureAwait(false);
        return [.. schedules.SelectMany(s => EventCalendar.Between(s, exceptions, now, now.AddDays(14))).Where(o => o.Cancelled).OrderBy(o => o.Start)];
    }

    public async Task<(EventRegistration Registration, Ticket? Ticket, ComplaintAssessment Assessment)> RegisterTopicAsync(
        ResidentKey resident, EventOccurrence occurrence, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        var assessment = await classifier.AssessAsync(text, cancellationToken).ConfigureAwait(false);

        // A complaint is also a ticket at once (its SLA runs from now); consultations and suggestions wait for the session.
        var ticket = ComplaintCategories.IsGreenByNature(assessment.Category) ? null : await OpenTicketAsync(resident, occurrence.Schedule.Kind, text, assessment, cancellationToken).ConfigureAwait(false);
        var registration = await store.AddRegistrationAsync(
            new EventRegistration(0, occurrence.Schedule.Id, occurrence.Id, occurrence.Start, RegistrationKind.Topic, resident, text.Trim(), assessment.Category, false,
                ticket?.Number, RegistrationState.Active, null, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return (registration, ticket, assessment);
    }

    public Task<EventRegistration> RequestHomeVisitAsync(ResidentKey resident, EventOccurrence occurrence, string details, bool priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        return store.AddRegistrationAsync(
            new EventRegistration(0, occurrence.Schedule.Id, occurrence.Id, occurrence.Start, RegistrationKind.HomeVisit, resident, details.Trim(), null, priority,
                null, RegistrationState.Active, null, clock.GetUtcNow()), cancellationToken);
    }

    public async Task<EventRegistration?> SubscribeAsync(ResidentKey resident, EventSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var own = await store.ListForResidentAsync(resident, cancellationToken).ConfigureAwait(false);
        if (own.Any(r => r.Kind == RegistrationKind.Subscription && r.ScheduleId == schedule.Id && r.State == RegistrationState.Active))
        {
            return null;
        }

        return await store.AddRegistrationAsync(
            new EventRegistration(0, schedule.Id, null, null, RegistrationKind.Subscription, resident, schedule.Title, null, false, null, RegistrationState.Active, null, clock.GetUtcNow()),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels or moves one session, tells everyone concerned at once, and re-plans the announcements.</summary>
    /// <exception cref="KeyNotFoundException">No such session.</exception>
    /// <exception cref="ArgumentException">A move to the past or without an end after its start.</exception>
    public async Task<EventOccurrence> ChangeAsync(string occurrenceId, bool cancel, DateTimeOffset? newStart, DateTimeOffset? newEnd, string? newPlace, string reason, CancellationToken cancellationToken)
    {
        if (!EventOccurrence.TryParseId(occurrenceId, out var scheduleId, out var originalStart)
            || await announcer.FindAsync(scheduleId, originalStart, cancellationToken).ConfigureAwait(false) is not { } before)
        {
            throw new KeyNotFoundException($"没有场次 {occurrenceId}。");
        }

        if (cancel && before.Cancelled)
        {
            // Cancelling twice (a retried request) changes nothing and tells nobody again.
            return before;
        }

        if (!cancel && ((newStart ?? before.Start) <= clock.GetUtcNow() || (newEnd is { } end && end <= (newStart ?? before.Start))))
        {
            throw new ArgumentException("新的时间必须在将来，且结束晚于开始。");
        }

        var exception = await store.AddExceptionAsync(
            new EventException(0, scheduleId, originalStart, cancel, cancel ? null : newStart, cancel ? null : newEnd, cancel ? null : newPlace, reason.Trim(), clock.GetUtcNow()),
            cancellationToken).ConfigureAwait(false);
        var after = await announcer.FindAsync(scheduleId, originalStart, cancellationToken).ConfigureAwait(false) ?? before with { Exception = exception };
        await announcer.AnnounceChangeAsync(after, cancellationToken).ConfigureAwait(false);
        await reminders.PlanAsync(cancellationToken).ConfigureAwait(false);
        return after;
    }

    internal async Task<Ticket> OpenTicketAsync(ResidentKey resident, EventKind kind, string text, ComplaintAssessment assessment, CancellationToken cancellationToken)
    {
        var filed = await ledger.OpenAsync(new NewTicket(resident, assessment, text.Trim(), null, null, null, null, [], kind.Origin()), cancellationToken).ConfigureAwait(false);
        try
        {
            return (await dispatcher.DispatchAsync(filed, cancellationToken).ConfigureAwait(false))?.Ticket ?? filed;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDispatchFailed(ex, filed.Number);
            return filed;
        }
    }

    private static bool Serves(EventSchedule schedule, long? compoundId) =>
        compoundId is null || (schedule.CompoundId is null && schedule.Visits.Count == 0) || schedule.CompoundId == compoundId
        || schedule.Visits.Any(v => v.CompoundIds.Contains(compoundId.Value));

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not dispatch event ticket {Number}; it stays 受理 for the console")]
    private partial void LogDispatchFailed(Exception exception, string number);
}
