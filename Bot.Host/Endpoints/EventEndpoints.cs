using System.Globalization;
using Bot.Host.Security;
using Bot.Skills.Events;
using Bot.Skills.Grid;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Endpoints;

public static class EventEndpoints
{
    /// <summary>民情夜市 and 民意5来听 for staff: schedules, sessions, cancellations and moves, registrations, minutes.</summary>
    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/events").AddEndpointFilter<AdminAuthorization>();
        api.MapGet("/schedules", ListSchedulesAsync);
        api.MapPost("/schedules", SaveScheduleAsync);
        api.MapGet("/occurrences", ListOccurrencesAsync);
        api.MapPost("/occurrences/{id}/cancel", (string id, EventChangeRequest? request, EventService events, CancellationToken ct) => ChangeAsync(id, true, request, events, ct));
        api.MapPost("/occurrences/{id}/move", (string id, EventChangeRequest? request, EventService events, CancellationToken ct) => ChangeAsync(id, false, request, events, ct));
        api.MapGet("/occurrences/{id}/registrations", ListRegistrationsAsync);
        api.MapPost("/occurrences/{id}/minutes", RecordMinutesAsync);
        api.MapGet("/occurrences/{id}/minutes", async Task<Results<Ok<EventMinutes>, NotFound>> (string id, IEventStore store, CancellationToken ct) =>
            await store.GetMinutesAsync(id, ct) is { } minutes ? TypedResults.Ok(minutes) : TypedResults.NotFound());
        return app;
    }

    private static async Task<Ok<List<EventScheduleDto>>> ListSchedulesAsync(IEventStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var exceptions = await store.ListExceptionsAsync(cancellationToken);
        var schedules = await store.ListSchedulesAsync(cancellationToken);
        return TypedResults.Ok(schedules.Select(s => EventScheduleDto.From(s, EventCalendar.Next([s], exceptions, clock.GetUtcNow(), 3))).ToList());
    }

    private static async Task<Results<Ok<EventScheduleDto>, ProblemHttpResult>> SaveScheduleAsync(
        EventScheduleRequest? request, IEventStore store, IGridRoster roster, IEventReminders reminders, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (EventScheduleRequests.ToSchedule(request, out var error) is not { } schedule)
        {
            return Problem(StatusCodes.Status400BadRequest, error);
        }

        // The API never returns robot keys, so an edit that leaves robotKeys out keeps the stored ones.
        if (request!.RobotKeys is null && schedule.Id != 0 && await store.GetScheduleAsync(schedule.Id, cancellationToken) is { } stored)
        {
            schedule = schedule with { RobotKeys = stored.RobotKeys };
        }

        foreach (var person in schedule.HostIds.Concat(schedule.Visits.Select(v => v.PersonId)))
        {
            if (await roster.GetPersonAsync(person, cancellationToken) is null)
            {
                return Problem(StatusCodes.Status400BadRequest, $"花名册中没有人员 {person}。");
            }
        }

        foreach (var compound in schedule.Visits.SelectMany(v => v.CompoundIds).Append(schedule.CompoundId ?? 0).Where(c => c != 0).Distinct())
        {
            if (await roster.GetCompoundAsync(compound, cancellationToken) is null)
            {
                return Problem(StatusCodes.Status400BadRequest, $"花名册中没有小区 {compound}。");
            }
        }

        try
        {
            var saved = await store.UpsertScheduleAsync(schedule, cancellationToken);
            await reminders.PlanAsync(cancellationToken);
            var exceptions = await store.ListExceptionsAsync(cancellationToken);
            return TypedResults.Ok(EventScheduleDto.From(saved, EventCalendar.Next([saved], exceptions, clock.GetUtcNow(), 3)));
        }
        catch (KeyNotFoundException ex)
        {
            return Problem(StatusCodes.Status404NotFound, ex.Message);
        }
    }

    private static async Task<Results<Ok<List<EventOccurrenceDto>>, ProblemHttpResult>> ListOccurrencesAsync(
        string? from, string? to, IEventStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var china = TimeSpan.FromHours(8);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(china).DateTime);
        if (!TryDate(from, today, out var first) || !TryDate(to, first.AddDays(14), out var last) || last <= first || last.DayNumber - first.DayNumber > 92)
        {
            return Problem(StatusCodes.Status400BadRequest, "from/to 须为 yyyy-MM-dd，且 to 晚于 from、跨度不超过 92 天。");
        }

        var (start, end) = (new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), china), new DateTimeOffset(last.ToDateTime(TimeOnly.MinValue), china));
        var exceptions = await store.ListExceptionsAsync(cancellationToken);
        var result = new List<EventOccurrenceDto>();
        foreach (var occurrence in (await store.ListSchedulesAsync(cancellationToken)).SelectMany(s => EventCalendar.Between(s, exceptions, start, end)).OrderBy(o => o.Start))
        {
            var registrations = await store.ListForOccurrenceAsync(occurrence.Schedule.Id, occurrence.Id, withSubscriptions: false, cancellationToken);
            result.Add(EventOccurrenceDto.From(occurrence, registrations.Count(r => r.State != RegistrationState.Cancelled)));
        }

        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<EventOccurrenceDto>, ProblemHttpResult>> ChangeAsync(
        string id, bool cancel, EventChangeRequest? request, EventService events, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Reason) || (!cancel && request.Start is null && string.IsNullOrWhiteSpace(request.Place)))
        {
            return Problem(StatusCodes.Status400BadRequest, cancel ? "需要 reason（取消原因，会告知居民）。" : "需要 reason，以及新的 start 和/或 place。");
        }

        try
        {
            var changed = await events.ChangeAsync(id, cancel, request.Start, request.End, request.Place?.Trim(), request.Reason, cancellationToken);
            return TypedResults.Ok(EventOccurrenceDto.From(changed, null));
        }
        catch (KeyNotFoundException ex)
        {
            return Problem(StatusCodes.Status404NotFound, ex.Message);
        }
        catch (ArgumentException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    private static async Task<Results<Ok<List<EventRegistrationDto>>, ProblemHttpResult>> ListRegistrationsAsync(string id, IEventStore store, CancellationToken cancellationToken)
    {
        if (!EventOccurrence.TryParseId(id, out var scheduleId, out _))
        {
            return Problem(StatusCodes.Status404NotFound, $"没有场次 {id}。");
        }

        var registrations = await store.ListForOccurrenceAsync(scheduleId, id, withSubscriptions: false, cancellationToken);
        return TypedResults.Ok(registrations.OrderByDescending(r => r.Priority).ThenBy(r => r.Id).Select(EventRegistrationDto.From).ToList());
    }

    private static async Task<Results<Ok<EventMinutesDto>, ProblemHttpResult>> RecordMinutesAsync(
        string id, EventMinutesRequest? request, EventMinutesService minutes, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Discussed) || string.IsNullOrWhiteSpace(request.Decided))
        {
            return Problem(StatusCodes.Status400BadRequest, "需要 discussed（讨论了什么）和 decided（议定了什么）。");
        }

        var recordedBy = string.IsNullOrWhiteSpace(request.RecordedBy) ? "组织者" : request.RecordedBy.Trim();
        var (status, topics) = await minutes.RecordAsync(id, request.Discussed, request.Decided, recordedBy, request.Topics ?? [], cancellationToken);
        return status switch
        {
            MinutesStatus.Recorded => TypedResults.Ok(new EventMinutesDto(id, request.Discussed.Trim(), request.Decided.Trim(), recordedBy, clock.GetUtcNow(), topics)),
            MinutesStatus.AlreadyRecorded => Problem(StatusCodes.Status409Conflict, "该场次的纪要已记录过。"),
            MinutesStatus.NotYetHeld => Problem(StatusCodes.Status409Conflict, "该场次尚未开始，会后再记录纪要。"),
            _ => Problem(StatusCodes.Status404NotFound, $"没有场次 {id}（或该场次已取消）。"),
        };
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        return string.IsNullOrEmpty(text) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(title: "活动操作失败", detail: detail, statusCode: status);
}
