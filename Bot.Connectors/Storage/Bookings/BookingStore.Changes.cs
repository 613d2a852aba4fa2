using Bot.Skills.Engine;
using Bot.Skills.Mediation;

namespace Bot.Connectors.Storage.Bookings;

public sealed partial class BookingStore
{
    public Task<HoldResult> RescheduleAsync(string number, ResidentKey? resident, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        if (end <= start)
        {
            throw new ArgumentException("A session must end after it starts.", nameof(end));
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return WriteAsync(async db =>
        {
            var row = await FindRowAsync(db, number, resident, cancellationToken).ConfigureAwait(false);
            if (row is null || !((BookingState)row.State).Occupies())
            {
                return (false, new HoldResult(HoldStatus.NotFound, null));
            }

            // Free the old time and take the new one in the same transaction: a refusal rolls both back.
            await ReleaseAllAsync(db, row, cancellationToken).ConfigureAwait(false);
            (row.StartMs, row.EndMs, row.UpdatedAtMs, row.ProposedStartMs) = (start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds(), now, null);
            if (row.State == (int)BookingState.Accepted)
            {
                // The mediator agreed to the old time, not to this one.
                row.State = (int)BookingState.Confirmed;
            }

            var status = await ClaimAllAsync(db, row, await BufferOfAsync(db, row.VenueId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            if (status != HoldStatus.Held)
            {
                return (false, new HoldResult(status, null));
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return (true, new HoldResult(HoldStatus.Held, row.ToBooking()));
        }, now, cancellationToken);
    }

    public Task<HoldResult> ReassignAsync(string number, long mediatorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return WriteAsync(async db =>
        {
            var row = await FindRowAsync(db, number, null, cancellationToken).ConfigureAwait(false);
            if (row is null || !((BookingState)row.State).Occupies())
            {
                return (false, new HoldResult(HoldStatus.NotFound, null));
            }

            if (row.MediatorId is { } previous)
            {
                await BookingClaims.ReleaseAsync(db, BookingClaims.Booking(row.Id), mediatorOnly: true, cancellationToken).ConfigureAwait(false);
                await BookingClaims.CountOutAsync(db, previous, row.StartMs, cancellationToken).ConfigureAwait(false);
            }

            (row.MediatorId, row.UpdatedAtMs) = (mediatorId, now);
            if (row.State == (int)BookingState.Accepted)
            {
                row.State = (int)BookingState.Confirmed;
            }

            var buffer = await BufferOfAsync(db, row.VenueId, cancellationToken).ConfigureAwait(false);
            var status = await ClaimMediatorAsync(db, row, mediatorId, buffer, cancellationToken).ConfigureAwait(false);
            if (status != HoldStatus.Held)
            {
                return (false, new HoldResult(status, null));
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return (true, new HoldResult(HoldStatus.Held, row.ToBooking()));
        }, now, cancellationToken);
    }
}
