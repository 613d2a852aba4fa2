using Bot.Skills.Engine;
using Bot.Skills.Mediation;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Bookings;

public sealed partial class BookingStore
{
    public Task<CouncilSession?> CreateCouncilSessionAsync(NewCouncilSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.End <= session.Start || session.Seats <= 0 || string.IsNullOrWhiteSpace(session.Topic))
        {
            throw new ArgumentException("A council session needs a topic, seats and an end after its start.", nameof(session));
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return WriteAsync(async db =>
        {
            var buffer = await BufferOfAsync(db, session.VenueId, cancellationToken).ConfigureAwait(false);
            var row = new CouncilSessionRow
            {
                VenueId = session.VenueId,
                StartMs = session.Start.ToUnixTimeMilliseconds(),
                EndMs = session.End.ToUnixTimeMilliseconds(),
                Topic = session.Topic.Trim(),
                Seats = session.Seats,
                CreatedAtMs = now,
            };
            db.Add(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            var claimed = await BookingClaims.ClaimAsync(db, BookingClaims.Venue(row.VenueId), row.StartMs, row.EndMs, buffer, BookingClaims.Council(row.Id), cancellationToken)
                .ConfigureAwait(false);
            return (claimed, claimed ? row.ToSession() : null);
        }, now, cancellationToken);
    }

    public async Task<IReadOnlyList<CouncilSession>> ListCouncilSessionsAsync(DateTimeOffset from, CancellationToken cancellationToken)
    {
        var fromMs = from.ToUnixTimeMilliseconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Set<CouncilSessionRow>().AsNoTracking()
            .Where(s => s.StartMs >= fromMs && !s.Cancelled)
            .OrderBy(s => s.StartMs).Take(50)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToSession()).ToList();
    }

    public Task<SeatResult> JoinCouncilAsync(long sessionId, ResidentKey resident, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return WriteAsync(async db =>
        {
            var seated = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO council_seats ("SessionId", "Channel", "UserId", "JoinedAtMs")
                SELECT {sessionId}, {resident.Channel}, {resident.UserId}, {now}
                WHERE EXISTS (SELECT 1 FROM council_sessions WHERE "Id" = {sessionId} AND NOT "Cancelled")
                ON CONFLICT ("SessionId", "Channel", "UserId") DO NOTHING
                """, cancellationToken).ConfigureAwait(false);
            if (seated == 0)
            {
                var exists = await db.Set<CouncilSessionRow>().AnyAsync(s => s.Id == sessionId && !s.Cancelled, cancellationToken).ConfigureAwait(false);
                return (false, exists ? SeatResult.AlreadyJoined : SeatResult.NotFound);
            }

            // The guard in the WHERE clause is the seat count: a full session updates no row, from any host.
            var counted = await db.Database.ExecuteSqlAsync(
                $"""UPDATE council_sessions SET "Taken" = "Taken" + 1 WHERE "Id" = {sessionId} AND "Taken" < "Seats" """,
                cancellationToken).ConfigureAwait(false);
            return counted == 1 ? (true, SeatResult.Joined) : (false, SeatResult.Full);
        }, now, cancellationToken);
    }

    public async Task<IReadOnlyList<CouncilSession>> ListCouncilSeatsAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Set<CouncilSessionRow>().AsNoTracking()
            .Where(s => db.Set<CouncilSeatRow>().Any(seat => seat.SessionId == s.Id && seat.Channel == resident.Channel && seat.UserId == resident.UserId))
            .OrderByDescending(s => s.StartMs)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToSession()).ToList();
    }
}
