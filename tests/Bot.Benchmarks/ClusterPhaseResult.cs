namespace Bot.Benchmarks;

/// <summary>One cluster phase's figures: load, latency, Redis counters, the hosts' memory and CPU, and the inbox check.</summary>
public sealed record ClusterPhaseResult(
    string Name,
    int HostCount,
    PhaseResult Warmup,
    PhaseResult Measured,
    LatencySummary Latency,
    int LatenciesDropped,
    long MessagesSent,
    long RedisCommands,
    long RedisMemoryDeltaBytes,
    long DistinctResidents,
    (string Key, long Bytes)? SampleConversation,
    IReadOnlyList<long?> HostPeakRssKib,
    double HostsCpuSeconds,
    InboxCounts Inbox)
{
    public long Errors => Warmup.Errors + Measured.Errors;

    public long Deferred => Warmup.DeferredSuccesses + Measured.DeferredSuccesses;

    /// <summary>Redis commands the hosts sent per message answered in the measured window.</summary>
    public double RedisCommandsPerMessage => Measured.Requests > 0 ? (double)RedisCommands / Measured.Requests : 0;

    /// <summary>Growth of Redis's used_memory over the phase per resident who wrote in it.</summary>
    public double RedisBytesPerResident => DistinctResidents > 0 ? (double)RedisMemoryDeltaBytes / DistinctResidents : 0;

    public double CpuMicrosecondsPerMessage => Measured.Requests > 0 ? HostsCpuSeconds * 1e6 / Measured.Requests : 0;
}
