using Bot.Skills.Engine;
using Bot.Skills.Mediation;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Bookings;

public sealed partial class BookingStore
{
    private static readonly int[] Occupying = [(int)BookingState.Held, (int)BookingState.Confirmed, (int)BookingState.Accepted];

    public async Task<Booking?> FindAsync(string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Set<BookingRow>().AsNoTracking().SingleOrDefaultAsync(b => b.Number == number.Trim(), cancellationToken).ConfigureAwait(false);
        return row?.ToBooking();
    }

    public async Task<IReadOnlyList<Booking>> ListForResidentAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Set<BookingRow>().AsNoTracking()
            .Where(b => b.Channel == resident.Channel && b.UserId == resident.UserId && b.Number != string.Empty)
            .OrderByDescending(b => b.Id).Take(50)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToBooking()).ToList();
    }

    public async Task<IReadOnlyList<Booking>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var (fromMs, toMs) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Set<BookingRow>().AsNoTracking()
            .Where(b => b.StartMs >= fromMs && b.StartMs < toMs)
            .OrderBy(b => b.StartMs).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToBooking()).ToList();
    }

    public async Task<IReadOnlyList<BusyInterval>> BusyAsync(long venueId, long? mediatorId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var (fromMs, toMs, nowMs) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), clock.GetUtcNow().ToUnixTimeMilliseconds());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var bookings = await db.Set<BookingRow>().AsNoTracking()
            .Where(b => Occupying.Contains(b.State) && (b.State != (int)BookingState.Held || b.HeldUntilMs > nowMs))
            .Where(b => b.VenueId == venueId || (mediatorId != null && b.MediatorId == mediatorId))
            .Where(b => b.EndMs > fromMs && b.StartMs < toMs)
            .Select(b => new { b.StartMs, b.EndMs, b.VenueId, b.MediatorId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var sessions = await db.Set<CouncilSessionRow>().AsNoTracking()
            .Where(s => s.VenueId == venueId && !s.Cancelled && s.EndMs > fromMs && s.StartMs < toMs)
            .Select(s => new { s.StartMs, s.EndMs })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return bookings.Select(b => new BusyInterval(BookingRowMapping.At(b.StartMs), BookingRowMapping.At(b.EndMs), b.VenueId == venueId, mediatorId != null && b.MediatorId == mediatorId))
            .Concat(sessions.Select(s => new BusyInterval(BookingRowMapping.At(s.StartMs), BookingRowMapping.At(s.EndMs), true)))
            .OrderBy(b => b.Start)
            .ToList();
    }
}
