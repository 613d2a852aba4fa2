using System.Globalization;

namespace Bot.Benchmarks;

/// <summary>The side-by-side table, then the counts behind it.</summary>
public static class Report
{
    private const double TargetRatio = 0.5;
    private const double TargetP99Ms = 50;

    public static void Print(BenchmarkOptions options, IReadOnlyList<TargetResult> results, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"benchmark: safe-mode text callbacks, {options.Seconds} s, concurrency {options.Concurrency}, machine: {Environment.ProcessorCount} cores"));
        output.WriteLine("                     rate (req/s)   p50 (ms)   p99 (ms)   max (ms)   peak RSS (MiB)");
        foreach (var r in results)
        {
            output.WriteLine(string.Create(c,
                $"{r.Name,-20} {r.Measured.Rate,12:F0} {r.Latency.P50Ms,10:F2} {r.Latency.P99Ms,10:F2} {r.Latency.MaxMs,10:F2} {Mib(r.PeakRssKib),16}"));
        }

        var bare = results.FirstOrDefault(r => r.Name.StartsWith("bare", StringComparison.Ordinal));
        var full = results.FirstOrDefault(r => r.Name.StartsWith("full", StringComparison.Ordinal));
        if (bare is not null && full is not null && bare.Measured.Rate > 0)
        {
            var ratio = full.Measured.Rate / bare.Measured.Rate;
            var met = ratio >= TargetRatio && full.Latency.P99Ms < TargetP99Ms;
            output.WriteLine(string.Create(c, $"ratio (full / bare)  {ratio:F2}"));
            output.WriteLine(string.Create(c, $"target: ratio >= {TargetRatio} and p99 < {TargetP99Ms} ms  ->  {(met ? "MET" : "NOT MET")}"));
        }

        output.WriteLine();
        foreach (var r in results)
        {
            var m = r.Measured;
            output.WriteLine(string.Create(c,
                $"{r.Name}: {m.Requests} requests in {m.Elapsed.TotalSeconds:F2} s, errors {m.Errors}, \"success\" (reply deferred) {m.DeferredSuccesses}; " +
                $"warm-up {r.Warmup.Requests} requests ({r.Warmup.Rate:F0}/s), errors {r.Warmup.Errors}; max sampled VmRSS {Mib(r.MaxSampledRssKib)} MiB"));
            if (r.Cpu.HostSeconds is { } host && r.Cpu.ClientSeconds is { } client && m.Requests > 0)
            {
                output.WriteLine(string.Create(c,
                    $"  CPU: server {host:F1} s ({host / m.Elapsed.TotalSeconds * 100:F0}% of one core, {host * 1e6 / m.Requests:F0} µs/request), " +
                    $"client {client:F1} s ({client / m.Elapsed.TotalSeconds * 100:F0}%), machine {Environment.ProcessorCount * 100}%"));
            }

            if ((m.FirstError ?? r.Warmup.FirstError) is { } error)
            {
                output.WriteLine($"  first error: {error}");
            }

            if (m.PoolExhausted)
            {
                output.WriteLine("  note: the pre-built callbacks ran out; the phase ended early and its rate covers the shorter time.");
            }

            if (r.LatenciesDropped > 0)
            {
                output.WriteLine(string.Create(c, $"  note: {r.LatenciesDropped} latencies did not fit the array and are not in the percentiles."));
            }
        }
    }

    private static string Mib(long? kib) =>
        kib is { } k and > 0 ? (k / 1024.0).ToString("F1", CultureInfo.InvariantCulture) : "n/a";
}
