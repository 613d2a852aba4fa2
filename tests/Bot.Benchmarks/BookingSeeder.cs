using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace Bot.Benchmarks;

/// <summary>Creates the venues and mediators through the admin API, as staff would, so the run needs no fixtures.</summary>
public static class BookingSeeder
{
    private const string Header = "姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长";

    /// <returns><paramref name="count"/> pairs, each with its own venue and its own mediator (daily cap 20).</returns>
    public static async Task<IReadOnlyList<BookingPair>> SeedAsync(BookingClient client, int count, CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= count; i++)
        {
            csv.Append(c, $"调解员{i:000},调解员,{WeComId(i)},138{i:00000000},全天,,,邻里\n");
        }

        using var import = new HttpRequestMessage(HttpMethod.Post, "/api/roster/import")
        {
            Content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"),
        };
        await client.SendAsync<JsonElementHolder>(import, cancellationToken);

        var mediators = await client.SendAsync<List<MediatorEntry>>(new HttpRequestMessage(HttpMethod.Get, "/api/mediators"), cancellationToken);
        var ids = mediators.Where(m => m.WeComUserId is not null).ToDictionary(m => m.WeComUserId!, m => m.PersonId, StringComparer.Ordinal);
        var pairs = new List<BookingPair>(count);
        for (var i = 1; i <= count; i++)
        {
            if (!ids.TryGetValue(WeComId(i), out var mediatorId))
            {
                throw new BenchmarkFailedException($"The imported mediator {WeComId(i)} is not in GET /api/mediators.");
            }

            await client.SendAsync<JsonElementHolder>(
                new HttpRequestMessage(HttpMethod.Put, $"/api/mediators/{mediatorId}") { Content = JsonContent.Create(new { dailyCap = 20 }) },
                cancellationToken);

            // Open around the clock and no buffer: hourly sessions back to back, every hour a candidate.
            var venue = new
            {
                name = $"调解室{i:000}", address = $"社区服务中心 {i} 号", openingHours = "每天 00:00-24:00",
                capacity = 8, slotMinutes = 60, bufferMinutes = 0, kinds = new[] { "mediation" },
            };
            var saved = await client.SendAsync<VenueEntry>(
                new HttpRequestMessage(HttpMethod.Post, "/api/venues") { Content = JsonContent.Create(venue) }, cancellationToken);
            pairs.Add(new BookingPair(saved.Id, mediatorId));
        }

        return pairs;
    }

    private static string WeComId(int i) => string.Create(CultureInfo.InvariantCulture, $"benchmed{i:000}");

    private sealed record MediatorEntry(long PersonId, string? WeComUserId);

    private sealed record VenueEntry(long Id);

    /// <summary>Answers whose content does not matter, only that they succeeded.</summary>
    private sealed record JsonElementHolder;
}
