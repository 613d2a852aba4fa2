using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Bot.Skills.Mediation;
using Microsoft.Extensions.Logging;

namespace Bot.Skills.Events;

/// <summary>
/// Announces a session to its group chats (robots), to residents who registered or subscribed, and — the day before
/// and on changes — to its hosts with the agenda. Exactly once per key through <see cref="IReminderOutbox"/>: the key
/// carries the session's start, so a moved session is announced again for its new time.
/// </summary>
public sealed partial class EventAnnouncer(IEventStore store, IGridRoster roster, IReminderOutbox outbox, TimeProvider clock, ILogger<EventAnnouncer> logger)
{
    /// <summary>The outbox channel of group-robot posts (the connectors' robot sender); the "user" is the webhook key.</summary>
    public const string RobotChannel = "wecom-robot";

    /// <summary>The outbox channel of WeCom app messages to staff.</summary>
    public const string StaffChannel = "wecom-app";

    public static TimeSpan Lead(AnnouncementStage stage) => stage == AnnouncementStage.DayBefore ? TimeSpan.FromDays(1) : TimeSpan.FromHours(1);

    /// <returns>True when queued now; false when sent before, cancelled, moved away from <paramref name="expectedStart"/> or already begun.</returns>
    public async Task<bool> AnnounceAsync(long scheduleId, DateTimeOffset originalStart, DateTimeOffset expectedStart, AnnouncementStage stage, CancellationToken cancellationToken)
    {
        var occurrence = await FindAsync(scheduleId, originalStart, cancellationToken).ConfigureAwait(false);
        if (occurrence is null || occurrence.Cancelled || occurrence.Start != expectedStart || occurrence.Start <= clock.GetUtcNow())
        {
            return false;
        }

        var registrations = await store.ListForOccurrenceAsync(scheduleId, occurrence.Id, withSubscriptions: true, cancellationToken).ConfigureAwait(false);
        var visits = await VisitsAsync(occurrence.Schedule, cancellationToken).ConfigureAwait(false);
        var messages = Groups(occurrence, EventNotices.ForGroup(occurrence, stage, visits));
        messages.AddRange(Residents(registrations, EventNotices.ForResident(occurrence, stage)));
        if (stage == AnnouncementStage.DayBefore)
        {
            var agenda = $"【{occurrence.Schedule.Kind.ChineseName()}议程】{occurrence.Schedule.Title}\n{EventNotices.Agenda(occurrence, registrations, visits)}";
            messages.AddRange(await HostsAsync(occurrence.Schedule, agenda, cancellationToken).ConfigureAwait(false));
        }

        var sent = await outbox.SendOnceAsync($"event:{occurrence.Id}:{stage}:{occurrence.Start.ToUnixTimeSeconds()}", messages, cancellationToken).ConfigureAwait(false);
        LogAnnounced(occurrence.Id, stage.ToString(), messages.Count, sent);
        return sent;
    }

    /// <summary>A cancellation or move, told at once to everyone the session concerns.</summary>
    public async Task<bool> AnnounceChangeAsync(EventOccurrence occurrence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        if (occurrence.Exception is not { } exception)
        {
            return false;
        }

        var text = EventNotices.Changed(occurrence);
        var registrations = await store.ListForOccurrenceAsync(occurrence.Schedule.Id, occurrence.Id, withSubscriptions: true, cancellationToken).ConfigureAwait(false);
        var messages = Groups(occurrence, $"**{text}**");
        messages.AddRange(Residents(registrations, text));
        messages.AddRange(await HostsAsync(occurrence.Schedule, text, cancellationToken).ConfigureAwait(false));
        var sent = await outbox.SendOnceAsync($"event:{occurrence.Id}:change:{exception.Id}", messages, cancellationToken).ConfigureAwait(false);
        LogAnnounced(occurrence.Id, exception.Cancelled ? "cancel" : "move", messages.Count, sent);
        return sent;
    }

    /// <summary>"张**：幸福里、阳光苑；李**：商户街": who goes where on a visit day (cadres' names shortened for group chats).</summary>
    public async Task<string?> VisitsAsync(EventSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Visits.Count == 0)
        {
            return null;
        }

        var compounds = (await roster.ListCompoundsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id, c => c.Name);
        var parts = new List<string>();
        foreach (var plan in schedule.Visits)
        {
            var person = await roster.GetPersonAsync(plan.PersonId, cancellationToken).ConfigureAwait(false);
            var places = plan.CompoundIds.Select(id => compounds.GetValueOrDefault(id, $"小区{id}")).Concat(plan.Places);
            parts.Add($"{(person is null ? "干部" : person.Name[..1] + "干部")}：{string.Join("、", places)}");
        }

        return string.Join("；", parts);
    }

    public async Task<EventOccurrence?> FindAsync(long scheduleId, DateTimeOffset originalStart, CancellationToken cancellationToken)
    {
        var schedule = await store.GetScheduleAsync(scheduleId, cancellationToken).ConfigureAwait(false);
        return schedule is null ? null : EventCalendar.Find(schedule, await store.ListExceptionsAsync(cancellationToken).ConfigureAwait(false), originalStart);
    }

    private static List<(ResidentKey, Reply)> Groups(EventOccurrence occurrence, string markdown) =>
        [.. occurrence.Schedule.RobotKeys.Distinct(StringComparer.Ordinal).Select(key => (new ResidentKey(RobotChannel, key), Reply.FromText(markdown)))];

    private static IEnumerable<(ResidentKey, Reply)> Residents(IReadOnlyList<EventRegistration> registrations, string text) =>
        registrations.Where(r => r.State == RegistrationState.Active).Select(r => r.Resident).Distinct().Select(r => (r, Reply.FromText(text)));

    private async Task<List<(ResidentKey, Reply)>> HostsAsync(EventSchedule schedule, string text, CancellationToken cancellationToken)
    {
        var result = new List<(ResidentKey, Reply)>();
        foreach (var id in schedule.HostIds.Concat(schedule.Visits.Select(v => v.PersonId)).Distinct())
        {
            if (await roster.GetPersonAsync(id, cancellationToken).ConfigureAwait(false) is { Active: true, WeComUserId: { Length: > 0 } user })
            {
                result.Add((new ResidentKey(StaffChannel, user), Reply.FromText(text)));
            }
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {Occurrence} announcement {Stage}: {Count} message(s), queued now = {Sent}")]
    private partial void LogAnnounced(string occurrence, string stage, int count, bool sent);
}
