using Bot.Host.AdminConsole.Endpoints;
using Bot.Host.Security;
using Bot.Skills.Events;
using Bot.Skills.Grid;
using Bot.Skills.Mediation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.AdminConsole.Calendar;

/// <summary><c>GET /api/console/calendar?from=&amp;to=</c>: bookings, council sessions and event sessions in one list (admins and staff).</summary>
public static class ConsoleCalendarEndpoints
{
    public const int MaxDays = 62;

    public static IEndpointRouteBuilder MapConsoleCalendar(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/console").AddEndpointFilter<AdminAuthorization>().MapGet("/calendar", CalendarAsync);
        return app;
    }

    private static async Task<Results<Ok<List<ConsoleCalendarItem>>, ProblemHttpResult>> CalendarAsync(
        string? from, string? to, IBookingStore bookings, IEventStore events, IVenueCatalog catalog, IGridRoster roster, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!ConsoleDateRange.TryParse(from, to, ConsoleDateRange.Today(clock), 14, MaxDays, out var start, out var end))
        {
            return TypedResults.Problem(
                title: "日历查询失败", detail: $"from/to 须为 yyyy-MM-dd，to 不早于 from，跨度不超过 {MaxDays} 天。", statusCode: StatusCodes.Status400BadRequest);
        }

        var venues = (await catalog.ListVenuesAsync(cancellationToken)).ToDictionary(v => v.Id);
        var mediators = (await roster.ListPeopleAsync(GridRole.Mediator, cancellationToken)).ToDictionary(p => p.Id);
        var items = new List<ConsoleCalendarItem>();
        foreach (var b in await bookings.ListAsync(start, end, cancellationToken))
        {
            items.Add(ConsoleCalendarItem.FromBooking(b, venues.GetValueOrDefault(b.VenueId), b.MediatorId is { } m ? mediators.GetValueOrDefault(m) : null));
        }

        foreach (var s in (await bookings.ListCouncilSessionsAsync(start, cancellationToken)).Where(s => s.Start < end))
        {
            items.Add(ConsoleCalendarItem.FromCouncil(s, venues.GetValueOrDefault(s.VenueId)));
        }

        var exceptions = await events.ListExceptionsAsync(cancellationToken);
        foreach (var o in (await events.ListSchedulesAsync(cancellationToken)).SelectMany(s => EventCalendar.Between(s, exceptions, start, end)))
        {
            var registrations = await events.ListForOccurrenceAsync(o.Schedule.Id, o.Id, withSubscriptions: false, cancellationToken);
            items.Add(ConsoleCalendarItem.FromEvent(o, registrations.Count(r => r.State != RegistrationState.Cancelled)));
        }

        return TypedResults.Ok(items.OrderBy(i => i.Start).ThenBy(i => i.Id, StringComparer.Ordinal).ToList());
    }
}
