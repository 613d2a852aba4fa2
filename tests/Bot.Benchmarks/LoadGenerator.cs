using System.Diagnostics;
using System.Net;

namespace Bot.Benchmarks;

/// <summary>
/// A closed loop: <c>concurrency</c> workers each send a callback, wait for the whole answer, and send the
/// next, over one shared connection pool (one keep-alive connection per worker). Given several servers, the
/// requests go round-robin over them, as nginx's default upstream balancing would send them.
/// </summary>
public sealed class LoadGenerator : IDisposable
{
    private readonly HttpClient _client;
    private readonly int _concurrency;
    private readonly Func<HttpStatusCode, byte[], Outcome> _check;
    private readonly Uri[] _servers;
    private long _nextServer = -1;

    public LoadGenerator(Uri baseAddress, int concurrency, Func<HttpStatusCode, byte[], Outcome> check)
        : this([baseAddress], concurrency, check)
    {
    }

    public LoadGenerator(IReadOnlyList<Uri> servers, int concurrency, Func<HttpStatusCode, byte[], Outcome> check)
    {
        if (servers.Count == 0)
        {
            throw new ArgumentException("At least one server is needed.", nameof(servers));
        }

        _servers = [.. servers];
        _concurrency = concurrency;
        _check = check;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };

        // WeChat itself gives up after 5 s; 30 s only catches a hung server.
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Sends one callback outside any phase; returns the answer for a closer look.</summary>
    public async Task<(HttpStatusCode Status, byte[] Body)> SendOnceAsync(SignedCallback callback, CancellationToken cancellationToken)
    {
        using var request = Request(callback);
        using var response = await _client.SendAsync(request, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary>Runs the loop for <paramref name="duration"/>, timing each request into <paramref name="latencies"/> if given.</summary>
    public async Task<PhaseResult> RunAsync(CallbackPool pool, TimeSpan duration, LatencyRecorder? latencies, CancellationToken cancellationToken)
    {
        var tally = new Tally();
        var clock = Stopwatch.StartNew();
        var workers = new Task[_concurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(pool, clock, duration, latencies, tally, cancellationToken), cancellationToken);
        }

        await Task.WhenAll(workers);

        // Until the last in-flight request finished: the requests counted were all sent inside this time.
        var elapsed = clock.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();
        return new PhaseResult(tally.Requests, tally.Errors, tally.Deferred, elapsed, tally.Exhausted, tally.FirstError);
    }

    public void Dispose() => _client.Dispose();

    private async Task WorkAsync(CallbackPool pool, Stopwatch clock, TimeSpan duration, LatencyRecorder? latencies, Tally tally, CancellationToken cancellationToken)
    {
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            if (pool.Take() is not { } callback)
            {
                tally.Exhausted = true;
                return;
            }

            using var request = Request(callback);
            var started = Stopwatch.GetTimestamp();
            Outcome outcome;
            string? error = null;
            try
            {
                using var response = await _client.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                outcome = _check(response.StatusCode, body);
                if (outcome == Outcome.Error)
                {
                    error = $"HTTP {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 200)))}";
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                outcome = Outcome.Error;
                error = $"{ex.GetType().Name}: {ex.Message}";
            }

            latencies?.Record(Stopwatch.GetTimestamp() - started);
            tally.Add(outcome, error);
        }
    }

    private HttpRequestMessage Request(SignedCallback callback)
    {
        var server = _servers.Length == 1 ? _servers[0] : _servers[Interlocked.Increment(ref _nextServer) % _servers.Length];
        var content = new ByteArrayContent(callback.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", "text/xml; charset=utf-8");
        return new HttpRequestMessage(HttpMethod.Post, new Uri(server, callback.PathAndQuery)) { Content = content };
    }

    /// <summary>Counters shared by the workers of one phase.</summary>
    private sealed class Tally
    {
        private long _requests;
        private long _errors;
        private long _deferred;
        private string? _firstError;

        public long Requests => Interlocked.Read(ref _requests);

        public long Errors => Interlocked.Read(ref _errors);

        public long Deferred => Interlocked.Read(ref _deferred);

        public string? FirstError => Volatile.Read(ref _firstError);

        public bool Exhausted { get; set; }

        public void Add(Outcome outcome, string? error)
        {
            Interlocked.Increment(ref _requests);
            if (outcome == Outcome.Error)
            {
                Interlocked.Increment(ref _errors);
                Interlocked.CompareExchange(ref _firstError, error, null);
            }
            else if (outcome == Outcome.DeferredSuccess)
            {
                Interlocked.Increment(ref _deferred);
            }
        }
    }
}
