using System.Globalization;
using Bot.Host.Security;
using Bot.Skills.Grid;
using Bot.Skills.Mediation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Endpoints;

public static class VenueEndpoints
{
    /// <summary>Venues, mediators' caps, council sessions and the booking calendar, for staff.</summary>
    public static IEndpointRouteBuilder MapVenues(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<AdminAuthorization>();
        api.MapGet("/venues", async (IVenueCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok((await catalog.ListVenuesAsync(ct)).Select(VenueDto.From).ToList()));
        api.MapPost("/venues", SaveVenueAsync);
        api.MapGet("/mediators", ListMediatorsAsync);
        api.MapPut("/mediators/{personId:long}", SaveMediatorAsync);
        api.MapGet("/council-sessions", async (IBookingStore store, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok((await store.ListCouncilSessionsAsync(clock.GetUtcNow(), ct)).Select(CouncilSessionDto.From).ToList()));
        api.MapPost("/council-sessions", CreateCouncilSessionAsync);
        api.MapGet("/bookings/calendar", CalendarAsync);
        return app;
    }

    private static async Task<Results<Ok<VenueDto>, ProblemHttpResult>> SaveVenueAsync(VenueRequest? request, IVenueCatalog catalog, CancellationToken cancellationToken)
    {
        if (VenueRequests.ToVenue(request, out var error) is not { } venue)
        {
            return Problem(StatusCodes.Status400BadRequest, error);
        }

        try
        {
            return TypedResults.Ok(VenueDto.From(await catalog.UpsertVenueAsync(venue, cancellationToken)));
        }
        catch (KeyNotFoundException ex)
        {
            return Problem(StatusCodes.Status404NotFound, ex.Message);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (Bot.Connectors.Storage.DbErrors.IsUniqueViolation(ex))
        {
            return Problem(StatusCodes.Status409Conflict, $"已有名为“{venue.Name}”的场地。");
        }
    }

    private static async Task<Ok<List<MediatorDto>>> ListMediatorsAsync(IGridRoster roster, IVenueCatalog catalog, CancellationToken cancellationToken)
    {
        var result = new List<MediatorDto>();
        foreach (var person in await roster.ListPeopleAsync(GridRole.Mediator, cancellationToken))
        {
            result.Add(MediatorDto.From(person, await catalog.GetMediatorProfileAsync(person.Id, cancellationToken)));
        }

        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<MediatorProfile>, ProblemHttpResult>> SaveMediatorAsync(
        long personId, MediatorRequest? request, IVenueCatalog catalog, CancellationToken cancellationToken)
    {
        if (request?.DailyCap is not { } cap || cap is < 0 or > 20)
        {
            return Problem(StatusCodes.Status400BadRequest, "dailyCap 须为 0–20 的整数（每天最多调解场次）。");
        }

        try
        {
            return TypedResults.Ok(await catalog.SetMediatorProfileAsync(new MediatorProfile(personId, cap), cancellationToken));
        }
        catch (KeyNotFoundException ex)
        {
            return Problem(StatusCodes.Status404NotFound, ex.Message);
        }
    }

    private static async Task<Results<Created<CouncilSessionDto>, ProblemHttpResult>> CreateCouncilSessionAsync(
        CouncilSessionRequest? request, IBookingStore store, IVenueCatalog catalog, CancellationToken cancellationToken)
    {
        if (request is not { VenueId: { } venueId, Start: { } start, End: { } end, Seats: > 0 and <= 500 } || string.IsNullOrWhiteSpace(request.Topic) || end <= start)
        {
            return Problem(StatusCodes.Status400BadRequest, "需要 venueId、start、end（晚于 start）、topic 和 seats（1–500）。");
        }

        if (await catalog.GetVenueAsync(venueId, cancellationToken) is not { } venue || !venue.Hosts(SessionKind.Council))
        {
            return Problem(StatusCodes.Status404NotFound, $"没有可举办议事会的场地 {venueId}。");
        }

        var seats = Math.Min(request.Seats.Value, venue.Capacity);
        var session = await store.CreateCouncilSessionAsync(new NewCouncilSession(venueId, start, end, request.Topic, seats), cancellationToken);
        return session is null
            ? Problem(StatusCodes.Status409Conflict, "该时段场地已被占用。")
            : TypedResults.Created($"/api/council-sessions/{session.Id}", CouncilSessionDto.From(session));
    }

    private static async Task<Results<Ok<CalendarDto>, ProblemHttpResult>> CalendarAsync(
        string? from, string? to, IBookingStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var china = TimeSpan.FromHours(8);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(china).DateTime);
        if (!TryDate(from, today, out var first) || !TryDate(to, first.AddDays(14), out var last) || last <= first || last.DayNumber - first.DayNumber > 92)
        {
            return Problem(StatusCodes.Status400BadRequest, "from/to 须为 yyyy-MM-dd，且 to 晚于 from、跨度不超过 92 天。");
        }

        var (start, end) = (new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), china), new DateTimeOffset(last.ToDateTime(TimeOnly.MinValue), china));
        var bookings = await store.ListAsync(start, end, cancellationToken);
        var sessions = (await store.ListCouncilSessionsAsync(start, cancellationToken)).Where(s => s.Start < end);
        return TypedResults.Ok(new CalendarDto(bookings.Select(BookingDto.From).ToList(), sessions.Select(CouncilSessionDto.From).ToList()));
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        return string.IsNullOrEmpty(text) || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(title: "预约操作失败", detail: detail, statusCode: status);
}
