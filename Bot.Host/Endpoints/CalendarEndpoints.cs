using Bot.Connectors.Calendar;
using Bot.Host.Bookings;
using Bot.Skills.Greeting;
using Bot.Skills.Mediation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.Host.Endpoints;

public static class CalendarEndpoints
{
    /// <summary><c>GET /calendar/{number}.ics?sig=…</c>: a booking's calendar file, for the signed links in notices.</summary>
    public static IEndpointRouteBuilder MapBookingCalendar(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{number}.ics", IcsAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> IcsAsync(
        string number, string? sig, BookingLinks links, IBookingStore store, BookingService bookings, IOptions<CommunityOptions> community,
        CancellationToken cancellationToken)
    {
        // A wrong signature answers like a missing booking: the link tells nothing about which numbers exist.
        if (!links.Verify(number, sig) || await store.FindAsync(number, cancellationToken) is not { } booking)
        {
            return TypedResults.NotFound();
        }

        var (venue, mediator) = await bookings.PartiesAsync(booking, cancellationToken);
        var ics = BookingIcs.Write(booking, venue, mediator is null ? "调解员：社区安排" : $"调解员：{mediator.Name}", community.Value.Name);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"{booking.Number}.ics");
    }
}
