using System.Globalization;

namespace Bot.Benchmarks;

/// <summary>The two phases side by side, then what they cannot tell on this machine.</summary>
public static class ClusterReport
{
    public static void Print(ClusterOptions options, ClusterPhaseResult one, ClusterPhaseResult two, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"cluster benchmark: safe-mode text callbacks \"{CallbackFactory.Content}\", {options.Seconds} s measured after {options.WarmupSeconds} s warm-up, " +
            $"{options.Concurrency} concurrent clients (closed loop), {options.Residents} residents per phase"));
        output.WriteLine(string.Create(c,
            $"machine: {Environment.ProcessorCount} cores, shared by the load generator, PostgreSQL, Redis and every host; {ClusterInfrastructure.Description}"));
        output.WriteLine($"{"",-36}{one.Name,16}{two.Name,16}");
        Row(output, "callbacks/s (measured)", one, two, r => r.Measured.Rate.ToString("F0", c));
        Row(output, "p50 latency (ms)", one, two, r => r.Latency.P50Ms.ToString("F2", c));
        Row(output, "p95 latency (ms)", one, two, r => r.Latency.P95Ms.ToString("F2", c));
        Row(output, "p99 latency (ms)", one, two, r => r.Latency.P99Ms.ToString("F2", c));
        Row(output, "max latency (ms)", one, two, r => r.Latency.MaxMs.ToString("F1", c));
        Row(output, "errors (warm-up + measured)", one, two, r => r.Errors.ToString(c));
        Row(output, "\"success\" (reply deferred)", one, two, r => r.Deferred.ToString(c));
        Row(output, "Redis commands per message", one, two, r => r.RedisCommandsPerMessage.ToString("F2", c));
        Row(output, "Redis used_memory Δ per resident (B)", one, two, r => r.RedisBytesPerResident.ToString("F0", c));
        Row(output, "MEMORY USAGE of a bot:conv key (B)", one, two, r => r.SampleConversation?.Bytes.ToString(c) ?? "n/a");
        Row(output, "host CPU per message (µs, all hosts)", one, two, r => r.CpuMicrosecondsPerMessage.ToString("F0", c));
        for (var i = 0; i < two.HostCount; i++)
        {
            var host = i;
            Row(output, $"host {i + 1} peak RSS (MiB)", one, two, r => host < r.HostPeakRssKib.Count ? Mib(r.HostPeakRssKib[host]) : "");
        }

        var ratio = one.Measured.Rate > 0 ? two.Measured.Rate / one.Measured.Rate : 0;
        output.WriteLine(string.Create(c, $"scaling ratio (two hosts / one host): {ratio:F2}"));
        output.WriteLine();
        foreach (var r in new[] { one, two })
        {
            output.WriteLine(string.Create(c,
                $"{r.Name}: {r.Measured.Requests} measured requests in {r.Measured.Elapsed.TotalSeconds:F2} s, warm-up {r.Warmup.Requests} ({r.Warmup.Rate:F0}/s); " +
                $"{r.MessagesSent} distinct messages sent = {r.Inbox.Rows} inbox rows, all processed, {r.Inbox.MaxRepliesPerMessage} reply row(s) each; " +
                $"{r.RedisCommands} Redis commands in the measured window; {r.DistinctResidents} residents, Redis used_memory +{r.RedisMemoryDeltaBytes / 1024.0:F0} KiB"));
            if (r.SampleConversation is { } sample)
            {
                output.WriteLine($"  sample conversation key: {sample.Key}");
            }

            if ((r.Measured.FirstError ?? r.Warmup.FirstError) is { } error)
            {
                output.WriteLine($"  first error: {error}");
            }

            if (r.Measured.PoolExhausted)
            {
                output.WriteLine("  note: the pre-built callbacks ran out; the phase ended early and its rate covers the shorter time.");
            }

            if (r.LatenciesDropped > 0)
            {
                output.WriteLine(string.Create(c, $"  note: {r.LatenciesDropped} latencies did not fit the array and are not in the percentiles."));
            }
        }

        output.WriteLine(string.Create(c,
            $"note: with {Environment.ProcessorCount} cores for everything, a second host adds no CPU: the ratio shows what sharing " +
            $"PostgreSQL and Redis costs, not what a second machine would add. Redis figures subtract the benchmark's own INFO calls; " +
            $"they include the hosts' background commands during the window."));
    }

    private static void Row(TextWriter output, string label, ClusterPhaseResult one, ClusterPhaseResult two, Func<ClusterPhaseResult, string> value) =>
        output.WriteLine($"{label,-36}{value(one),16}{value(two),16}");

    private static string Mib(long? kib) =>
        kib is { } k and > 0 ? (k / 1024.0).ToString("F1", CultureInfo.InvariantCulture) : "n/a";
}
