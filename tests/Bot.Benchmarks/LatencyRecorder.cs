using System.Diagnostics;

namespace Bot.Benchmarks;

/// <summary>
/// Per-request latencies in Stopwatch ticks, written lock-free into one array allocated before the run so
/// recording neither allocates nor contends.
/// </summary>
public sealed class LatencyRecorder(int capacity)
{
    private readonly long[] _ticks = new long[capacity];
    private int _next = -1;

    /// <summary>Requests that finished after the array was full: counted, not timed.</summary>
    public int Dropped => Math.Max(0, Volatile.Read(ref _next) + 1 - _ticks.Length);

    public void Record(long ticks)
    {
        var index = Interlocked.Increment(ref _next);
        if (index < _ticks.Length)
        {
            _ticks[index] = ticks;
        }
    }

    public LatencySummary Summarise()
    {
        var count = Math.Min(Volatile.Read(ref _next) + 1, _ticks.Length);
        if (count == 0)
        {
            return new LatencySummary(0, 0, 0, 0);
        }

        var sorted = _ticks.AsSpan(0, count);
        sorted.Sort();
        return new LatencySummary(Ms(Percentile(sorted, 0.50)), Ms(Percentile(sorted, 0.99)), Ms(sorted[^1]), Ms(Percentile(sorted, 0.95)));
    }

    // Nearest rank: the smallest value at or above the fraction of samples.
    private static long Percentile(ReadOnlySpan<long> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

public sealed record LatencySummary(double P50Ms, double P99Ms, double MaxMs, double P95Ms);
