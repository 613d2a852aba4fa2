using System.Globalization;

namespace Bot.Benchmarks;

/// <summary>
/// Reads the calendar back after the run: the rates mean nothing if the race let two residents into one slot,
/// or if a 201 was answered for a booking the database does not hold.
/// </summary>
public static class BookingVerifier
{
    /// <returns>Confirmed bookings per pair; throws when a slot of any of <paramref name="pairs"/> has more than one.</returns>
    public static async Task<IReadOnlyList<int>> ConfirmedAsync(BookingClient client, BookingSlots slots, IReadOnlyList<BookingPair> pairs, CancellationToken cancellationToken)
    {
        // The calendar allows at most 92 days per query; the benchmark books within Days (< 90) from First.
        var c = CultureInfo.InvariantCulture;
        var uri = $"/api/bookings/calendar?from={slots.First.ToString("yyyy-MM-dd", c)}&to={slots.First.AddDays(slots.Days + 1).ToString("yyyy-MM-dd", c)}";
        var calendar = await client.SendAsync<Calendar>(new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);
        return pairs.Select(pair => Confirmed(calendar, pair)).ToList();
    }

    private static int Confirmed(Calendar calendar, BookingPair pair)
    {
        var c = CultureInfo.InvariantCulture;
        var confirmed = calendar.Bookings
            .Where(b => b.VenueId == pair.VenueId && b.MediatorId == pair.MediatorId && b.State == "confirmed")
            .ToList();
        var doubled = confirmed.GroupBy(b => b.Start).Where(g => g.Count() > 1).ToList();
        if (doubled.Count > 0)
        {
            var first = doubled[0];
            throw new BenchmarkFailedException(string.Create(c,
                $"DOUBLE BOOKING: {doubled.Count} slots of venue {pair.VenueId} / mediator {pair.MediatorId} have more than one confirmed booking, " +
                $"e.g. {first.Key:yyyy-MM-dd HH:mm zzz}: {string.Join(", ", first.Select(b => b.Number))}"));
        }

        return confirmed.Count;
    }

    private sealed record Calendar(IReadOnlyList<Entry> Bookings);

    private sealed record Entry(string Number, long VenueId, long? MediatorId, DateTimeOffset Start, string State);
}
