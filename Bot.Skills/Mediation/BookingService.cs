using Bot.Skills.Complaints;
using Bot.Skills.Dispatch;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Bot.Skills.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Mediation;

/// <summary>
/// The resident's side of a booking: hold, confirm, cancel, reschedule. Every change that the mediator must know
/// about reaches them as a WeCom card; reminders follow the booking.
/// </summary>
public sealed partial class BookingService(
    IBookingStore store,
    IVenueCatalog catalog,
    IGridRoster roster,
    SlotFinder slots,
    IStaffNotifier staff,
    IBookingLinks links,
    IBookingReminders reminders,
    IOptions<BookingOptions> options,
    TimeProvider clock,
    ILogger<BookingService> logger)
{
    public Task<HoldResult> HoldAsync(SlotChoice choice, ResidentKey resident, string topic, string? otherParty, string? ticketNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var heldUntil = clock.GetUtcNow().AddMinutes(options.Value.HoldMinutes);
        return store.HoldAsync(new HoldRequest(SessionKind.Mediation, choice.Venue.Id, choice.Mediator.Id, choice.Slot.Start, choice.Slot.End,
            resident, topic, otherParty, ticketNumber, heldUntil), cancellationToken);
    }

    /// <returns>The confirmation text, or null when the hold is gone (ran out, or not this resident's).</returns>
    public async Task<string?> ConfirmAsync(string number, ResidentKey resident, CancellationToken cancellationToken)
    {
        if (await store.ConfirmAsync(number, resident, cancellationToken).ConfigureAwait(false) is not { } booking)
        {
            return null;
        }

        var (venue, mediator) = await PartiesAsync(booking, cancellationToken).ConfigureAwait(false);
        await TellMediatorAsync(booking, venue, mediator, cancellationToken).ConfigureAwait(false);
        await reminders.ScheduleAsync(booking, cancellationToken).ConfigureAwait(false);
        LogConfirmed(booking.Number, booking.MediatorId);
        return BookingNotices.Confirmed(booking, venue, mediator?.Name ?? "社区安排", links.CalendarLink(booking.Number));
    }

    public async Task<Booking?> CancelAsync(string number, ResidentKey? resident, CancellationToken cancellationToken)
    {
        if (await store.CancelAsync(number, resident, cancellationToken).ConfigureAwait(false) is not { } booking)
        {
            return null;
        }

        await reminders.UnscheduleAsync(booking.Number, cancellationToken).ConfigureAwait(false);
        var (_, mediator) = await PartiesAsync(booking, cancellationToken).ConfigureAwait(false);
        if (mediator?.WeComUserId is { } userId)
        {
            await staff.NotifyAsync(userId, new StaffCard(booking.Number, $"调解预约已取消 {booking.Number}",
                $"居民已取消 {BookingNotices.When(booking.Start, booking.End)} 的调解（预约号 {booking.Number}）。"), cancellationToken).ConfigureAwait(false);
        }

        return booking;
    }

    public Task<Booking?> FindAsync(string number, CancellationToken cancellationToken) => store.FindAsync(number, cancellationToken);

    /// <summary>Moves the resident's booking to <paramref name="start"/> if the venue and mediator are free then.</summary>
    public async Task<(HoldResult Result, SlotProblem Problem)> RescheduleAsync(string number, ResidentKey? resident, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var booking = await store.FindAsync(number, cancellationToken).ConfigureAwait(false);
        if (booking is null || (resident is { } r && booking.Resident != r) || !booking.State.Occupies())
        {
            return (new HoldResult(HoldStatus.NotFound, null), SlotProblem.None);
        }

        var (venue, mediator) = await PartiesAsync(booking, cancellationToken).ConfigureAwait(false);
        var slot = new TimeSlot(start, start.AddMinutes(venue.SlotMinutes));
        if (mediator is not null)
        {
            // The rules (hours, holidays, lead time, cap) are checked without the booking's own current time.
            var query = await slots.QueryAsync(venue, mediator, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var own = new TimeSlot(booking.Start, booking.End);
            query = query with
            {
                VenueBookings = query.VenueBookings.Where(b => b != own).ToList(),
                MediatorBookings = query.MediatorBookings.Where(b => b != own).ToList(),
            };
            if (SlotGenerator.Check(slot, query, clock.GetUtcNow()) is not SlotProblem.None and var problem)
            {
                return (new HoldResult(HoldStatus.NotFound, null), problem);
            }
        }

        var moved = await store.RescheduleAsync(booking.Number, resident, slot.Start, slot.End, cancellationToken).ConfigureAwait(false);
        if (moved.Booking is { } updated)
        {
            await TellMediatorAsync(updated, venue, mediator, cancellationToken).ConfigureAwait(false);
            await reminders.ScheduleAsync(updated, cancellationToken).ConfigureAwait(false);
        }

        return (moved, SlotProblem.None);
    }

    public async Task<(Venue Venue, Person? Mediator)> PartiesAsync(Booking booking, CancellationToken cancellationToken)
    {
        var venue = await catalog.GetVenueAsync(booking.VenueId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Booking {booking.Number} names venue {booking.VenueId}, which is gone.");
        var mediator = booking.MediatorId is { } id ? await roster.GetPersonAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return (venue, mediator);
    }

    internal async Task TellMediatorAsync(Booking booking, Venue venue, Person? mediator, CancellationToken cancellationToken)
    {
        if (mediator?.WeComUserId is { } userId)
        {
            await staff.NotifyAsync(userId, BookingNotices.ForMediator(booking, venue, links.CalendarLink(booking.Number)), cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {Number} confirmed; mediator {MediatorId} notified")]
    private partial void LogConfirmed(string number, long? mediatorId);
}
