using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Bookings;

/// <summary>
/// Claims and releases the ticks a session occupies, and a mediator's daily count, inside the caller's transaction.
/// A session holds [start, end + buffer): two sessions then conflict exactly when they are closer than the buffer.
/// </summary>
internal static class BookingClaims
{
    public const long TickMs = 5 * 60 * 1000;

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static string Venue(long id) => $"v:{id}";

    public static string Mediator(long id) => $"m:{id}";

    public static string Booking(long id) => $"b:{id}";

    public static string Council(long id) => $"c:{id}";

    /// <returns>False when any tick is already taken; the caller rolls back.</returns>
    public static async Task<bool> ClaimAsync(BotDbContext db, string resource, long startMs, long endMs, int bufferMinutes, string owner, CancellationToken cancellationToken)
    {
        var first = startMs / TickMs;
        var last = (endMs + (bufferMinutes * 60_000L) + TickMs - 1) / TickMs;

        // One statement for all ticks. ON CONFLICT DO NOTHING (SQLite and PostgreSQL) makes a taken tick show up as
        // a short row count instead of an exception; a concurrent writer on another host waits for our commit first.
        var inserted = await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE ticks(t) AS (SELECT {first} UNION ALL SELECT t + 1 FROM ticks WHERE t + 1 < {last})
            INSERT INTO booking_claims ("Resource", "TickMs", "Owner")
            SELECT {resource}, t * {TickMs}, {owner} FROM ticks WHERE true
            ON CONFLICT ("Resource", "TickMs") DO NOTHING
            """, cancellationToken).ConfigureAwait(false);
        return inserted == last - first;
    }

    /// <summary>Frees what <paramref name="owner"/> holds, or only its mediator ticks.</summary>
    public static Task<int> ReleaseAsync(BotDbContext db, string owner, bool mediatorOnly, CancellationToken cancellationToken) =>
        mediatorOnly
            ? db.Database.ExecuteSqlAsync($"""DELETE FROM booking_claims WHERE "Owner" = {owner} AND "Resource" LIKE 'm:%'""", cancellationToken)
            : db.Database.ExecuteSqlAsync($"""DELETE FROM booking_claims WHERE "Owner" = {owner}""", cancellationToken);

    /// <returns>False when the mediator already has <paramref name="cap"/> sessions that day.</returns>
    public static async Task<bool> CountInAsync(BotDbContext db, long mediatorId, long startMs, int cap, CancellationToken cancellationToken)
    {
        var day = Day(startMs);
        var changed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO mediator_days ("MediatorId", "Day", "Count") VALUES ({mediatorId}, {day}, 1)
            ON CONFLICT ("MediatorId", "Day") DO UPDATE SET "Count" = mediator_days."Count" + 1 WHERE mediator_days."Count" < {cap}
            """, cancellationToken).ConfigureAwait(false);
        return cap > 0 && changed == 1;
    }

    public static Task<int> CountOutAsync(BotDbContext db, long mediatorId, long startMs, CancellationToken cancellationToken)
    {
        var day = Day(startMs);
        return db.Database.ExecuteSqlAsync(
            $"""UPDATE mediator_days SET "Count" = "Count" - 1 WHERE "MediatorId" = {mediatorId} AND "Day" = {day} AND "Count" > 0""",
            cancellationToken);
    }

    private static string Day(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(China).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
