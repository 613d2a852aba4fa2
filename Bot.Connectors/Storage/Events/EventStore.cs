using Bot.Skills.Engine;
using Bot.Skills.Events;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Events;

/// <summary>Schedules, exceptions, registrations and minutes on SQLite. State changes are guarded UPDATEs.</summary>
public sealed class EventStore(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock) : IEventStore
{
    public Task<EventSchedule> UpsertScheduleAsync(EventSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return WriteAsync(async db =>
        {
            var row = schedule.Id == 0
                ? db.Add(new EventScheduleRow { Title = schedule.Title, Cron = schedule.Cron, Place = schedule.Place }).Entity
                : await db.Set<EventScheduleRow>().SingleOrDefaultAsync(s => s.Id == schedule.Id, cancellationToken).ConfigureAwait(false)
                  ?? throw new KeyNotFoundException($"没有活动安排 {schedule.Id}。");
            row.CopyFrom(schedule, Now());
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return row.ToSchedule();
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<EventSchedule>> ListSchedulesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return (await db.Set<EventScheduleRow>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false)).ConvertAll(r => r.ToSchedule());
    }

    public async Task<EventSchedule?> GetScheduleAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return (await db.Set<EventScheduleRow>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))?.ToSchedule();
    }

    public Task<EventException> AddExceptionAsync(EventException exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return WriteAsync(async db =>
        {
            var row = db.Add(new EventExceptionRow
            {
                ScheduleId = exception.ScheduleId,
                OriginalStartMs = exception.OriginalStart.ToUnixTimeMilliseconds(),
                Cancelled = exception.Cancelled,
                NewStartMs = exception.NewStart?.ToUnixTimeMilliseconds(),
                NewEndMs = exception.NewEnd?.ToUnixTimeMilliseconds(),
                NewPlace = exception.NewPlace,
                Reason = exception.Reason,
                CreatedAtMs = Now(),
            }).Entity;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return row.ToException();
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<EventException>> ListExceptionsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return (await db.Set<EventExceptionRow>().AsNoTracking().OrderBy(e => e.Id).ToListAsync(cancellationToken).ConfigureAwait(false)).ConvertAll(r => r.ToException());
    }

    public Task<EventRegistration> AddRegistrationAsync(EventRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return WriteAsync(async db =>
        {
            var row = db.Add(new EventRegistrationRow
            {
                ScheduleId = registration.ScheduleId,
                OccurrenceId = registration.OccurrenceId,
                OccurrenceStartMs = registration.OccurrenceStart?.ToUnixTimeMilliseconds(),
                Kind = (int)registration.Kind,
                Channel = registration.Resident.Channel,
                UserId = registration.Resident.UserId,
                Text = registration.Text,
                Category = registration.Category,
                Priority = registration.Priority,
                TicketNumber = registration.TicketNumber,
                State = (int)RegistrationState.Active,
                CreatedAtMs = Now(),
                UpdatedAtMs = Now(),
            }).Entity;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return row.ToRegistration();
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<EventRegistration>> ListForResidentAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Set<EventRegistrationRow>().AsNoTracking().Where(r => r.Channel == resident.Channel && r.UserId == resident.UserId)
            .OrderByDescending(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => r.ToRegistration());
    }

    public async Task<IReadOnlyList<EventRegistration>> ListForOccurrenceAsync(long scheduleId, string occurrenceId, bool withSubscriptions, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Set<EventRegistrationRow>().AsNoTracking()
            .Where(r => r.ScheduleId == scheduleId && (r.OccurrenceId == occurrenceId || (withSubscriptions && r.OccurrenceId == null)))
            .OrderBy(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => r.ToRegistration());
    }

    public async Task<EventRegistration?> CancelAsync(long id, ResidentKey resident, CancellationToken cancellationToken)
    {
        var changed = await UpdateAsync(db => db.Set<EventRegistrationRow>()
            .Where(r => r.Id == id && r.Channel == resident.Channel && r.UserId == resident.UserId && r.State == (int)RegistrationState.Active)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, (int)RegistrationState.Cancelled).SetProperty(r => r.UpdatedAtMs, Now()), cancellationToken), cancellationToken).ConfigureAwait(false);
        return changed == 0 ? null : await FindAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<EventRegistration?> SettleAsync(long id, RegistrationState state, string? outcome, string? ticketNumber, CancellationToken cancellationToken)
    {
        var changed = await UpdateAsync(db => db.Set<EventRegistrationRow>()
            .Where(r => r.Id == id && r.State == (int)RegistrationState.Active)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.State, (int)state)
                .SetProperty(r => r.Outcome, outcome)
                .SetProperty(r => r.TicketNumber, r => ticketNumber ?? r.TicketNumber)
                .SetProperty(r => r.UpdatedAtMs, Now()), cancellationToken), cancellationToken).ConfigureAwait(false);
        return changed == 0 ? null : await FindAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> AddMinutesAsync(EventMinutes minutes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var inserted = await UpdateAsync(db => db.Database.ExecuteSqlAsync(
            $"""INSERT INTO event_minutes ("OccurrenceId", "ScheduleId", "Discussed", "Decided", "RecordedBy", "RecordedAtMs") VALUES ({minutes.OccurrenceId}, {minutes.ScheduleId}, {minutes.Discussed}, {minutes.Decided}, {minutes.RecordedBy}, {minutes.RecordedAt.ToUnixTimeMilliseconds()}) ON CONFLICT ("OccurrenceId") DO NOTHING""",
            cancellationToken), cancellationToken).ConfigureAwait(false);
        return inserted == 1;
    }

    public async Task<EventMinutes?> GetMinutesAsync(string occurrenceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return (await db.Set<EventMinutesRow>().AsNoTracking().SingleOrDefaultAsync(m => m.OccurrenceId == occurrenceId, cancellationToken).ConfigureAwait(false))?.ToMinutes();
    }

    private async Task<EventRegistration?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return (await db.Set<EventRegistrationRow>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false))?.ToRegistration();
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private Task<int> UpdateAsync(Func<BotDbContext, Task<int>> update, CancellationToken cancellationToken) =>
        WriteAsync(update, cancellationToken);

    private Task<T> WriteAsync<T>(Func<BotDbContext, Task<T>> write, CancellationToken cancellationToken) => gate.RunAsync(async () =>
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await write(db).ConfigureAwait(false);
    }, cancellationToken);
}
