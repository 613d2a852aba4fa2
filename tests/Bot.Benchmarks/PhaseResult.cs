namespace Bot.Benchmarks;

/// <summary>What one closed-loop phase (warm-up or measurement) did.</summary>
public sealed record PhaseResult(long Requests, long Errors, long DeferredSuccesses, TimeSpan Elapsed, bool PoolExhausted, string? FirstError)
{
    public double Rate => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : 0;
}
