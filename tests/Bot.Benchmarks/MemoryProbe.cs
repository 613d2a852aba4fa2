using System.Globalization;

namespace Bot.Benchmarks;

/// <summary>
/// Resident memory of a child from <c>/proc/PID/status</c>: VmHWM is the kernel's own peak, VmRSS is sampled
/// during the run as a cross-check. Linux only; elsewhere the figures are absent rather than wrong.
/// </summary>
public sealed class MemoryProbe : IAsyncDisposable
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(250);

    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _maxRssKib;

    public MemoryProbe(int pid)
    {
        _pid = pid;
        _sampler = SampleAsync();
    }

    /// <summary>The largest VmRSS seen so far, in KiB; 0 when unavailable.</summary>
    public long MaxSampledRssKib => Interlocked.Read(ref _maxRssKib);

    /// <summary>The peak resident set (VmHWM) in KiB, or null when /proc cannot be read.</summary>
    public long? PeakRssKib() => Read(_pid, "VmHWM:");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _sampler;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(SampleInterval);
        do
        {
            if (Read(_pid, "VmRSS:") is { } rss && rss > Interlocked.Read(ref _maxRssKib))
            {
                Interlocked.Exchange(ref _maxRssKib, rss);
            }
        }
        while (await timer.WaitForNextTickAsync(_stop.Token));
    }

    private static long? Read(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    // "VmHWM:	  123456 kB"
                    var digits = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(digits, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // Not Linux, or the child has gone: no figure.
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to read: no figure.
        }

        return null;
    }
}
