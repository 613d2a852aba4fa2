using Bot.Skills.Engine;
using Bot.Skills.Mediation;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Bookings;

public sealed partial class BookingStore
{
    /// <summary>
    /// Runs one change in its own transaction, committed only when <paramref name="write"/> says so. Holds that
    /// ran out are released first (in their own transaction), so an abandoned hold never blocks anyone.
    /// </summary>
    private Task<T> WriteAsync<T>(Func<BotDbContext, Task<(bool Commit, T Result)>> write, long nowMs, CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await ExpireHoldsAsync(db, nowMs, cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var (commit, result) = await write(db).ConfigureAwait(false);
            if (commit)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            }

            return result;
        }, cancellationToken);

    private static async Task ExpireHoldsAsync(BotDbContext db, long nowMs, CancellationToken cancellationToken)
    {
        var expired = await db.Set<BookingRow>()
            .Where(b => b.State == (int)BookingState.Held && b.HeldUntilMs <= nowMs)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (expired.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in expired)
        {
            await ReleaseAllAsync(db, row, cancellationToken).ConfigureAwait(false);
            (row.State, row.HeldUntilMs, row.UpdatedAtMs) = ((int)BookingState.Expired, null, nowMs);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    private static async Task<HoldStatus> ClaimAllAsync(BotDbContext db, BookingRow row, int bufferMinutes, CancellationToken cancellationToken)
    {
        var owner = BookingClaims.Booking(row.Id);
        if (!await BookingClaims.ClaimAsync(db, BookingClaims.Venue(row.VenueId), row.StartMs, row.EndMs, bufferMinutes, owner, cancellationToken).ConfigureAwait(false))
        {
            return HoldStatus.VenueTaken;
        }

        return row.MediatorId is { } mediator
            ? await ClaimMediatorAsync(db, row, mediator, bufferMinutes, cancellationToken).ConfigureAwait(false)
            : HoldStatus.Held;
    }

    private static async Task<HoldStatus> ClaimMediatorAsync(BotDbContext db, BookingRow row, long mediator, int bufferMinutes, CancellationToken cancellationToken)
    {
        var owner = BookingClaims.Booking(row.Id);
        if (!await BookingClaims.ClaimAsync(db, BookingClaims.Mediator(mediator), row.StartMs, row.EndMs, bufferMinutes, owner, cancellationToken).ConfigureAwait(false))
        {
            return HoldStatus.MediatorBusy;
        }

        var cap = (await db.Set<MediatorProfileRow>().AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == mediator, cancellationToken).ConfigureAwait(false))?.DailyCap
            ?? DefaultDailyCap;
        return await BookingClaims.CountInAsync(db, mediator, row.StartMs, cap, cancellationToken).ConfigureAwait(false)
            ? HoldStatus.Held
            : HoldStatus.MediatorCapReached;
    }

    private static async Task ReleaseAllAsync(BotDbContext db, BookingRow row, CancellationToken cancellationToken)
    {
        await BookingClaims.ReleaseAsync(db, BookingClaims.Booking(row.Id), mediatorOnly: false, cancellationToken).ConfigureAwait(false);
        if (row.MediatorId is { } mediator)
        {
            await BookingClaims.CountOutAsync(db, mediator, row.StartMs, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<BookingRow?> FindRowAsync(BotDbContext db, string number, ResidentKey? resident, CancellationToken cancellationToken)
    {
        var query = db.Set<BookingRow>().Where(b => b.Number == number.Trim());
        if (resident is { } r)
        {
            // A resident reaches only their own bookings; a guessed number looks exactly like a missing one.
            query = query.Where(b => b.Channel == r.Channel && b.UserId == r.UserId);
        }

        return query.SingleOrDefaultAsync(cancellationToken);
    }

    private static Task<int> BufferOfAsync(BotDbContext db, long venueId, CancellationToken cancellationToken) =>
        db.Set<VenueRow>().Where(v => v.Id == venueId).Select(v => v.BufferMinutes).SingleAsync(cancellationToken);
}
