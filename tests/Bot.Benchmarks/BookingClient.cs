using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Bot.Benchmarks;

/// <summary>The admin API of the bot, over one keep-alive connection per client so connecting is not measured.</summary>
public sealed class BookingClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public BookingClient(Uri baseAddress, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        Http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchmarkRun.AdminKey);
    }

    public HttpClient Http { get; }

    /// <returns>The status, and for anything but 201/409 the start of the body, for the failure message.</returns>
    public async Task<(HttpStatusCode Status, string? Error)> BookAsync(BookingPair pair, DateTimeOffset start, string user, CancellationToken cancellationToken)
    {
        var request = new { user, topic = "邻里纠纷", start, venueId = pair.VenueId, mediatorId = pair.MediatorId };
        using var response = await Http.PostAsJsonAsync("/api/bookings", request, Json, cancellationToken);

        // The body is read either way: the connection goes back to the pool only once it is.
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict
            ? (response.StatusCode, null)
            : (response.StatusCode, $"HTTP {(int)response.StatusCode}: {body[..Math.Min(body.Length, 200)]}");
    }

    /// <summary>A setup or verification call that must succeed; anything else ends the benchmark.</summary>
    public async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await Http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new BenchmarkFailedException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}");
            }

            return JsonSerializer.Deserialize<T>(body, Json) ?? throw new BenchmarkFailedException($"{request.RequestUri} answered null.");
        }
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>A venue and a mediator booked together.</summary>
public sealed record BookingPair(long VenueId, long MediatorId);
