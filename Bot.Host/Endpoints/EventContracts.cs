using System.Globalization;
using Bot.Skills.Events;
using Bot.Skills.Privacy;

namespace Bot.Host.Endpoints;

/// <summary>
/// A schedule as staff write it. A night market may give <c>weekday</c> (1 = Monday … 7 = Sunday), <c>startTime</c> and
/// <c>endTime</c> ("19:00") instead of a cron; visit days default to <c>0 0 9 5,15,25 * ?</c> for 180 minutes.
/// </summary>
public sealed record EventScheduleRequest(
    long? Id, string? Kind, string? Title, string? Cron, int? Weekday, string? StartTime, string? EndTime, int? DurationMinutes, string? Place,
    long? CompoundId, IReadOnlyList<long>? HostIds, IReadOnlyList<string>? RobotKeys, IReadOnlyList<VisitPlan>? Visits, bool? Active);

public sealed record EventScheduleDto(
    long Id, string Kind, string Title, string Cron, int DurationMinutes, string Place, long? CompoundId, IReadOnlyList<long> HostIds,
    int RobotCount, IReadOnlyList<VisitPlan> Visits, bool Active, IReadOnlyList<EventOccurrenceDto> Next)
{
    /// <summary>Robot keys are credentials for posting to a group: the API only says how many there are.</summary>
    public static EventScheduleDto From(EventSchedule s, IReadOnlyList<EventOccurrence> next) => new(
        s.Id, s.Kind.Code(), s.Title, s.Cron, s.DurationMinutes, s.Place, s.CompoundId, s.HostIds, s.RobotKeys.Count, s.Visits, s.Active,
        next.Select(o => EventOccurrenceDto.From(o, null)).ToList());
}

public sealed record EventOccurrenceDto(
    string Id, long ScheduleId, string Kind, string Title, DateTimeOffset Start, DateTimeOffset End, string Place, bool Cancelled, bool Moved, string? Reason, int? Registrations)
{
    public static EventOccurrenceDto From(EventOccurrence o, int? registrations) => new(
        o.Id, o.Schedule.Id, o.Schedule.Kind.Code(), o.Schedule.Title, o.Start, o.End, o.Place, o.Cancelled, o.Moved, o.Exception?.Reason, registrations);
}

public sealed record EventChangeRequest(string? Reason, DateTimeOffset? Start, DateTimeOffset? End, string? Place);

/// <summary>A registration for staff: the resident's id and any personal data in the text are masked.</summary>
public sealed record EventRegistrationDto(
    long Id, string? OccurrenceId, string Kind, string Resident, string Text, string? Category, bool Priority, string? TicketNumber, string State, string? Outcome, DateTimeOffset CreatedAt)
{
    public static EventRegistrationDto From(EventRegistration r) => new(
        r.Id, r.OccurrenceId, r.Kind.ToString().ToLowerInvariant(), PersonalDataMasker.MaskId(r.Resident.UserId), PersonalDataMasker.MaskText(r.Text),
        r.Category, r.Priority, r.TicketNumber, r.State.ToString().ToLowerInvariant(), r.Outcome, r.CreatedAt);
}

public sealed record EventMinutesRequest(string? Discussed, string? Decided, string? RecordedBy, IReadOnlyList<TopicOutcome>? Topics);

public sealed record EventMinutesDto(string OccurrenceId, string Discussed, string Decided, string RecordedBy, DateTimeOffset RecordedAt, IReadOnlyList<SettledTopic> Topics);

internal static class EventScheduleRequests
{
    private static readonly string[] Days = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

    /// <returns>The schedule, or null with the reason in <paramref name="error"/>.</returns>
    public static EventSchedule? ToSchedule(EventScheduleRequest? request, out string error)
    {
        error = string.Empty;
        if (request is null || EventKindNames.FromCode(request.Kind) is not { } kind || string.IsNullOrWhiteSpace(request.Title) || string.IsNullOrWhiteSpace(request.Place))
        {
            error = "需要 kind（night_market 或 visit_day）、title 和 place。";
            return null;
        }

        var cron = request.Cron?.Trim();
        var duration = request.DurationMinutes ?? (kind == EventKind.VisitDay ? 180 : 120);
        if (string.IsNullOrEmpty(cron) && request.Weekday is { } weekday)
        {
            if (weekday is < 1 or > 7 || !TimeOnly.TryParse(request.StartTime, CultureInfo.InvariantCulture, out var start) || !TimeOnly.TryParse(request.EndTime, CultureInfo.InvariantCulture, out var end) || end <= start)
            {
                error = "weekday 须为 1（周一）到 7（周日），startTime/endTime 如 19:00，且结束晚于开始。";
                return null;
            }

            cron = string.Create(CultureInfo.InvariantCulture, $"0 {start.Minute} {start.Hour} ? * {Days[weekday - 1]}");
            duration = (int)(end - start).TotalMinutes;
        }

        cron = string.IsNullOrEmpty(cron) && kind == EventKind.VisitDay ? "0 0 9 5,15,25 * ?" : cron;
        if (!CronRule.TryParse(cron, out var rule, out var cronError) || !Quartz.CronExpression.TryParse(cron!, out _))
        {
            error = cronError ?? $"时间规则“{cron}”无效。";
            return null;
        }

        if (duration is < 15 or > 720)
        {
            error = "durationMinutes 须在 15–720 之间。";
            return null;
        }

        return new EventSchedule(request.Id ?? 0, kind, request.Title.Trim(), rule!.Expression, duration, request.Place.Trim(), request.CompoundId,
            request.HostIds ?? [], request.RobotKeys?.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).ToList() ?? [],
            request.Visits ?? [], request.Active ?? true);
    }
}
