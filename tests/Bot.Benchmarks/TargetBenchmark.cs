using System.Net;

namespace Bot.Benchmarks;

/// <summary>Warm-up then measurement against one running child, with its memory watched throughout.</summary>
public static class TargetBenchmark
{
    /// <summary>Measured requests the latency array can hold per second; far above what 2–8 cores reach.</summary>
    private const int LatencySlotsPerSecond = 100_000;

    public static async Task<TargetResult> RunAsync(
        string name,
        ChildHost host,
        CallbackPool pool,
        Func<HttpStatusCode, byte[], Outcome> check,
        BenchmarkOptions options,
        CancellationToken cancellationToken)
    {
        await using var memory = new MemoryProbe(host.ProcessId);
        using var load = new LoadGenerator(host.BaseAddress, options.Concurrency, check);

        Console.Error.WriteLine($"[{name}] warm-up {options.WarmupSeconds} s …");
        var warmup = await load.RunAsync(pool, TimeSpan.FromSeconds(options.WarmupSeconds), latencies: null, cancellationToken);

        // Enough unique callbacks for the measured phase at twice the warm-up rate (the JIT is still warming
        // then); built now, outside the timed window. A cyclic pool reuses what it has.
        var expectedRate = warmup.Requests > 0 ? warmup.Rate : 5_000;
        pool.GrowTo((int)Math.Min(int.MaxValue, pool.Taken + (expectedRate * options.Seconds * 2) + 20_000));

        Console.Error.WriteLine($"[{name}] measuring {options.Seconds} s at concurrency {options.Concurrency} …");
        var latencies = new LatencyRecorder(options.Seconds * LatencySlotsPerSecond);
        var hostCpuBefore = CpuProbe.Seconds(host.ProcessId);
        var clientCpuBefore = CpuProbe.Seconds(Environment.ProcessId);
        var measured = await load.RunAsync(pool, TimeSpan.FromSeconds(options.Seconds), latencies, cancellationToken);
        var cpu = new CpuUse(CpuProbe.Seconds(host.ProcessId) - hostCpuBefore, CpuProbe.Seconds(Environment.ProcessId) - clientCpuBefore);
        return new TargetResult(name, warmup, measured, latencies.Summarise(), latencies.Dropped, memory.PeakRssKib(), memory.MaxSampledRssKib, cpu);
    }
}
