using Bot.Skills.Engine;
using Bot.Skills.Mediation;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Bookings;

/// <summary>
/// Bookings on SQLite (PostgreSQL later): every change runs in one transaction that claims the venue's and the
/// mediator's ticks and counts the mediator's day, so the database refuses a double booking from any host.
/// </summary>
public sealed partial class BookingStore(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock) : IBookingStore
{
    /// <summary>A mediator without a profile takes at most this many sessions a day.</summary>
    public const int DefaultDailyCap = 4;

    public Task<HoldResult> HoldAsync(HoldRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.End <= request.Start)
        {
            throw new ArgumentException("A session must end after it starts.", nameof(request));
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return WriteAsync(async db =>
        {
            var venue = await db.Set<VenueRow>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == request.VenueId, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"没有场地 {request.VenueId}。");
            var row = new BookingRow
            {
                Kind = (int)request.Kind,
                VenueId = request.VenueId,
                MediatorId = request.MediatorId,
                StartMs = request.Start.ToUnixTimeMilliseconds(),
                EndMs = request.End.ToUnixTimeMilliseconds(),
                Channel = request.Resident.Channel,
                UserId = request.Resident.UserId,
                Topic = request.Topic,
                OtherParty = request.OtherParty,
                TicketNumber = request.TicketNumber,
                State = (int)BookingState.Held,
                HeldUntilMs = request.HeldUntil.ToUnixTimeMilliseconds(),
                CreatedAtMs = now,
                UpdatedAtMs = now,
            };
            db.Add(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            row.Number = BookingRowMapping.NumberFor(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            var status = await ClaimAllAsync(db, row, venue.BufferMinutes, cancellationToken).ConfigureAwait(false);
            return (status == HoldStatus.Held, new HoldResult(status, status == HoldStatus.Held ? row.ToBooking() : null));
        }, now, cancellationToken);
    }

    public Task<Booking?> ConfirmAsync(string number, ResidentKey resident, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return ChangeAsync(number, resident, row =>
        {
            if (row.State != (int)BookingState.Held || row.HeldUntilMs <= now)
            {
                return false;
            }

            (row.State, row.HeldUntilMs) = ((int)BookingState.Confirmed, null);
            return true;
        }, cancellationToken);
    }

    public Task<Booking?> AcceptAsync(string number, long mediatorId, CancellationToken cancellationToken) =>
        ChangeAsync(number, null, row =>
        {
            if (row.State != (int)BookingState.Confirmed || row.MediatorId != mediatorId)
            {
                return false;
            }

            row.State = (int)BookingState.Accepted;
            return true;
        }, cancellationToken);

    public Task<Booking?> ProposeAsync(string number, long mediatorId, DateTimeOffset start, CancellationToken cancellationToken) =>
        ChangeAsync(number, null, row =>
        {
            if (!((BookingState)row.State).Occupies() || row.MediatorId != mediatorId)
            {
                return false;
            }

            row.ProposedStartMs = start.ToUnixTimeMilliseconds();
            return true;
        }, cancellationToken);

    public Task<Booking?> RecordOutcomeAsync(string number, long mediatorId, MediationOutcome outcome, CancellationToken cancellationToken) =>
        ChangeAsync(number, null, row =>
        {
            if (row.State is not ((int)BookingState.Accepted or (int)BookingState.Confirmed) || row.MediatorId != mediatorId)
            {
                return false;
            }

            (row.State, row.Outcome) = ((int)BookingState.Completed, (int)outcome);
            return true;
        }, cancellationToken);

    public Task<Booking?> CancelAsync(string number, ResidentKey? resident, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return WriteAsync(async db =>
        {
            var row = await FindRowAsync(db, number, resident, cancellationToken).ConfigureAwait(false);
            if (row is null || !((BookingState)row.State).Occupies())
            {
                return (false, (Booking?)null);
            }

            await ReleaseAllAsync(db, row, cancellationToken).ConfigureAwait(false);
            (row.State, row.HeldUntilMs, row.UpdatedAtMs) = ((int)BookingState.Cancelled, null, now);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return (true, row.ToBooking());
        }, now, cancellationToken);
    }

    private Task<Booking?> ChangeAsync(string number, ResidentKey? resident, Func<BookingRow, bool> change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return WriteAsync(async db =>
        {
            var row = await FindRowAsync(db, number, resident, cancellationToken).ConfigureAwait(false);
            if (row is null || !change(row))
            {
                return (false, (Booking?)null);
            }

            row.UpdatedAtMs = now;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return (true, row.ToBooking());
        }, now, cancellationToken);
    }
}
