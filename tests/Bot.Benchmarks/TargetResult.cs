namespace Bot.Benchmarks;

/// <summary>One server's figures: the measured phase, its latencies and the child's memory.</summary>
public sealed record TargetResult(
    string Name,
    PhaseResult Warmup,
    PhaseResult Measured,
    LatencySummary Latency,
    int LatenciesDropped,
    long? PeakRssKib,
    long MaxSampledRssKib,
    CpuUse Cpu)
{
    /// <summary>Errors over every request sent, warm-up included: a broken run must not look like a fast one.</summary>
    public double ErrorFraction
    {
        get
        {
            var total = Warmup.Requests + Measured.Requests;
            return total == 0 ? 1 : (double)(Warmup.Errors + Measured.Errors) / total;
        }
    }
}

/// <summary>CPU seconds the server and this client used during the measured phase; null when unknown.</summary>
public sealed record CpuUse(double? HostSeconds, double? ClientSeconds);
