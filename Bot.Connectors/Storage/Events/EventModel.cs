using System.Text.Json;
using Bot.Skills.Engine;
using Bot.Skills.Events;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Events;

internal static class EventModel
{
    public static void ConfigureEvents(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EventScheduleRow>(s => s.ToTable("event_schedules"));
        modelBuilder.Entity<EventExceptionRow>(e =>
        {
            e.ToTable("event_exceptions");
            e.HasIndex(x => new { x.ScheduleId, x.OriginalStartMs });
        });
        modelBuilder.Entity<EventRegistrationRow>(r =>
        {
            r.ToTable("event_registrations");
            r.HasIndex(x => new { x.Channel, x.UserId });
            r.HasIndex(x => new { x.ScheduleId, x.OccurrenceId });
        });
        modelBuilder.Entity<EventMinutesRow>(m =>
        {
            m.ToTable("event_minutes");
            m.HasKey(x => x.OccurrenceId);
        });
    }

    public static EventSchedule ToSchedule(this EventScheduleRow row) => new(
        row.Id, (EventKind)row.Kind, row.Title, row.Cron, row.DurationMinutes, row.Place, row.CompoundId,
        Read<List<long>>(row.HostIdsJson), Read<List<string>>(row.RobotKeysJson), Read<List<VisitPlan>>(row.VisitsJson), row.Active);

    public static void CopyFrom(this EventScheduleRow row, EventSchedule s, long now)
    {
        (row.Kind, row.Title, row.Cron, row.DurationMinutes, row.Place, row.CompoundId, row.Active, row.UpdatedAtMs) =
            ((int)s.Kind, s.Title, s.Cron, s.DurationMinutes, s.Place, s.CompoundId, s.Active, now);
        row.HostIdsJson = JsonSerializer.Serialize(s.HostIds, StorageJson.Options);
        row.RobotKeysJson = JsonSerializer.Serialize(s.RobotKeys, StorageJson.Options);
        row.VisitsJson = JsonSerializer.Serialize(s.Visits, StorageJson.Options);
    }

    public static EventException ToException(this EventExceptionRow row) => new(
        row.Id, row.ScheduleId, Time(row.OriginalStartMs), row.Cancelled,
        row.NewStartMs is { } s ? Time(s) : null, row.NewEndMs is { } e ? Time(e) : null, row.NewPlace, row.Reason, Time(row.CreatedAtMs));

    public static EventRegistration ToRegistration(this EventRegistrationRow row) => new(
        row.Id, row.ScheduleId, row.OccurrenceId, row.OccurrenceStartMs is { } s ? Time(s) : null, (RegistrationKind)row.Kind,
        new ResidentKey(row.Channel, row.UserId), row.Text, row.Category, row.Priority, row.TicketNumber, (RegistrationState)row.State,
        row.Outcome, Time(row.CreatedAtMs));

    public static EventMinutes ToMinutes(this EventMinutesRow row) =>
        new(row.OccurrenceId, row.ScheduleId, row.Discussed, row.Decided, row.RecordedBy, Time(row.RecordedAtMs));

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static T Read<T>(string json) where T : new() => JsonSerializer.Deserialize<T>(json, StorageJson.Options) ?? new T();
}
