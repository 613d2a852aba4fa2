using Bot.Host.Security;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Bot.Skills.Mediation;
using Bot.Skills.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Endpoints;

public static class BookingEndpoints
{
    /// <summary>Staff book a session for a resident (a phone call, a walk-in) and cancel bookings.</summary>
    public static IEndpointRouteBuilder MapBookings(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/bookings").AddEndpointFilter<AdminAuthorization>();
        api.MapPost("/", BookAsync);
        api.MapPost("/{number}/cancel", async Task<Results<Ok<BookingDto>, NotFound>> (string number, BookingService bookings, CancellationToken ct) =>
            await bookings.CancelAsync(number, null, ct) is { } cancelled ? TypedResults.Ok(BookingDto.From(cancelled)) : TypedResults.NotFound());
        return app;
    }

    private static async Task<Results<Created<BookingDto>, Conflict<BookingConflictDto>, ProblemHttpResult>> BookAsync(
        BookingRequest? request, BookingService bookings, SlotFinder slots, IVenueCatalog catalog, IGridRoster roster, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request is not { Start: { } start } || string.IsNullOrWhiteSpace(request.User) || string.IsNullOrWhiteSpace(request.Topic))
        {
            return TypedResults.Problem(title: "预约失败", detail: "需要 user、topic 和 start。", statusCode: StatusCodes.Status400BadRequest);
        }

        var resident = new ResidentKey(request.Channel ?? Channels.Simulator, request.User.Trim());
        var specialty = MediationTopics.Specialty(request.Topic);
        var choice = await ChooseAsync(request, start, specialty, slots, catalog, roster, clock, cancellationToken);
        if (choice is not null)
        {
            var held = await bookings.HoldAsync(choice, resident, request.Topic.Trim(), request.OtherParty, request.TicketNumber, cancellationToken);
            if (held.Booking is { } booking && await bookings.ConfirmAsync(booking.Number, resident, cancellationToken) is not null)
            {
                var confirmed = await bookings.FindAsync(booking.Number, cancellationToken);
                return TypedResults.Created($"/api/bookings/{booking.Number}", BookingDto.From(confirmed!));
            }
        }

        // Taken (or never free): say so and offer the nearest free sessions instead — of the same venue and mediator
        // when staff named them, else of any suitable pair.
        var day = new TimeSlot(start.AddHours(-12), start.AddHours(36));
        var pair = choice is not null ? (choice.Venue, choice.Mediator) : await NamedPairAsync(request, catalog, roster, cancellationToken);
        var others = pair is var (venue, mediator)
            ? await slots.NextForAsync(venue, mediator, 5, day, cancellationToken)
            : await slots.NextAsync(specialty, 5, day, cancellationToken);
        return TypedResults.Conflict(new BookingConflictDto("该时段已被预约或不可预约，请选择其他时段。",
            others.Select(o => new BookingAlternativeDto(o.Venue.Id, o.Mediator.Id, o.Mediator.Name, o.Slot.Start, o.Slot.End)).ToList()));
    }

    private static async Task<(Venue, Person)?> NamedPairAsync(BookingRequest request, IVenueCatalog catalog, IGridRoster roster, CancellationToken cancellationToken) =>
        request is { VenueId: { } venueId, MediatorId: { } mediatorId }
            && await catalog.GetVenueAsync(venueId, cancellationToken) is { } venue
            && await roster.GetPersonAsync(mediatorId, cancellationToken) is { Role: GridRole.Mediator } mediator
            ? (venue, mediator)
            : null;

    private static async Task<SlotChoice?> ChooseAsync(
        BookingRequest request, DateTimeOffset start, string? specialty, SlotFinder slots, IVenueCatalog catalog, IGridRoster roster, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.VenueId is not { } venueId || request.MediatorId is not { } mediatorId)
        {
            return await slots.AtAsync(specialty, start, cancellationToken);
        }

        if (await catalog.GetVenueAsync(venueId, cancellationToken) is not { } venue || await roster.GetPersonAsync(mediatorId, cancellationToken) is not { Role: GridRole.Mediator } mediator)
        {
            return null;
        }

        // The rules (hours, holidays, lead time, cap) are checked here; the database alone decides who gets a free slot.
        var slot = new TimeSlot(start, start.AddMinutes(venue.SlotMinutes));
        var rules = await slots.RulesAsync(venue, mediator, cancellationToken);
        return SlotGenerator.Check(slot, rules, clock.GetUtcNow()) == SlotProblem.None
            ? new SlotChoice(venue, mediator, slot)
            : null;
    }
}

public sealed record BookingRequest(
    string? User, string? Channel, string? Topic, DateTimeOffset? Start, long? VenueId, long? MediatorId, string? OtherParty, string? TicketNumber);

public sealed record BookingAlternativeDto(long VenueId, long MediatorId, string Mediator, DateTimeOffset Start, DateTimeOffset End);

public sealed record BookingConflictDto(string Detail, IReadOnlyList<BookingAlternativeDto> Alternatives);
