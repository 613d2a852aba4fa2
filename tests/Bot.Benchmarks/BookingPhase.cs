using System.Diagnostics;
using System.Net;

namespace Bot.Benchmarks;

/// <summary>A closed loop of booking attempts: each client sends one, waits for the answer, and sends the next.</summary>
public static class BookingPhase
{
    public static async Task<BookingTally> RunAsync(
        BookingClient client, BookingSlots slots, IBookingCursor cursor, int concurrency, TimeSpan duration, LatencyRecorder? latencies,
        CancellationToken cancellationToken)
    {
        var tally = new BookingTally();
        var clock = Stopwatch.StartNew();
        var workers = new Task[concurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            var worker = i;
            workers[i] = Task.Run(() => WorkAsync(client, slots, cursor, worker, clock, duration, latencies, tally, cancellationToken), cancellationToken);
        }

        await Task.WhenAll(workers);
        tally.Elapsed = clock.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();
        return tally;
    }

    private static async Task WorkAsync(
        BookingClient client, BookingSlots slots, IBookingCursor cursor, int worker, Stopwatch clock, TimeSpan duration, LatencyRecorder? latencies,
        BookingTally tally, CancellationToken cancellationToken)
    {
        // One resident per client: the same person booking many sessions is allowed and keeps the users few.
        var user = $"bench-resident-{worker}";
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            if (!cursor.TryNext(worker, out var pair, out var slot))
            {
                tally.Exhausted = true;
                return;
            }

            var started = Stopwatch.GetTimestamp();
            HttpStatusCode? status = null;
            string? error;
            try
            {
                (status, error) = await client.BookAsync(pair, slots.Start(slot), user, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                error = $"{ex.GetType().Name}: {ex.Message}";
            }

            latencies?.Record(Stopwatch.GetTimestamp() - started);
            if (error is null)
            {
                cursor.Decided(worker, slot);
            }

            tally.Add(status, error);
        }
    }
}

/// <summary>Counters shared by the clients of one phase (warm-up or measurement).</summary>
public sealed class BookingTally
{
    private long _attempts;
    private long _created;
    private long _conflicts;
    private long _errors;
    private string? _firstError;

    public long Attempts => Interlocked.Read(ref _attempts);

    public long Created => Interlocked.Read(ref _created);

    public long Conflicts => Interlocked.Read(ref _conflicts);

    public long Errors => Interlocked.Read(ref _errors);

    public string? FirstError => Volatile.Read(ref _firstError);

    public bool Exhausted { get; set; }

    public TimeSpan Elapsed { get; set; }

    public double PerSecond(long count) => Elapsed > TimeSpan.Zero ? count / Elapsed.TotalSeconds : 0;

    public void Add(HttpStatusCode? status, string? error)
    {
        Interlocked.Increment(ref _attempts);
        if (error is not null)
        {
            Interlocked.Increment(ref _errors);
            Interlocked.CompareExchange(ref _firstError, error, null);
        }
        else if (status == HttpStatusCode.Created)
        {
            Interlocked.Increment(ref _created);
        }
        else
        {
            Interlocked.Increment(ref _conflicts);
        }
    }
}
