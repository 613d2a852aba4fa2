using System.Globalization;

namespace Bot.Benchmarks;

/// <summary>
/// One phase of the cluster mode: a fresh database, <c>hosts</c> Bot.Host processes on it and on the shared
/// Redis, fresh residents, a probe per host, warm-up, measurement spread round-robin over the hosts, then the
/// Redis counters, each host's memory and the inbox check.
/// </summary>
public static class ClusterPhase
{
    /// <summary>Callbacks built before the warm-up; more are built after it, from the rate it showed.</summary>
    private const int InitialCallbacks = 30_000;

    /// <summary>Measured requests the latency array can hold per second; far above what a 2–8 core machine reaches.</summary>
    private const int LatencySlotsPerSecond = 50_000;

    public static async Task<ClusterPhaseResult> RunAsync(
        int hostCount, ClusterInfrastructure infrastructure, RedisProbe redis, string dll, string scratch, ClusterOptions options,
        CancellationToken cancellationToken)
    {
        var name = hostCount switch { 1 => "one host", 2 => "two hosts", _ => $"{hostCount} hosts" };
        var database = await infrastructure.CreateDatabaseAsync(cancellationToken);
        var hosts = new List<ChildHost>();
        var memories = new List<MemoryProbe>();
        try
        {
            for (var i = 1; i <= hostCount; i++)
            {
                Console.Error.WriteLine($"[{name}] starting host {i} …");
                var host = await StartHostAsync(i, hostCount, database, infrastructure.Redis.Configuration, dll, scratch, options, cancellationToken);
                hosts.Add(host);
                memories.Add(new MemoryProbe(host.ProcessId));
            }

            // Each phase has its own residents, so its conversations start from nothing in Redis.
            var factory = new CallbackFactory(options.Residents, generation: hostCount);
            var pool = new CallbackPool(factory, cyclic: false);
            pool.GrowTo(InitialCallbacks);
            var memoryBefore = await redis.SnapshotAsync();
            foreach (var host in hosts)
            {
                await ProbeAsync(name, host, pool, cancellationToken);
            }

            using var load = new LoadGenerator([.. hosts.Select(h => h.BaseAddress)], options.Concurrency, ReplyCheck.Full);
            Console.Error.WriteLine($"[{name}] warm-up {options.WarmupSeconds} s …");
            var warmup = await load.RunAsync(pool, TimeSpan.FromSeconds(options.WarmupSeconds), latencies: null, cancellationToken);
            var expectedRate = warmup.Requests > 0 ? warmup.Rate : 2_000;
            pool.GrowTo((int)Math.Min(int.MaxValue, pool.Taken + (expectedRate * options.Seconds * 2) + 20_000));

            Console.Error.WriteLine($"[{name}] measuring {options.Seconds} s at concurrency {options.Concurrency} …");
            var latencies = new LatencyRecorder(options.Seconds * LatencySlotsPerSecond);
            var cpuBefore = HostsCpu(hosts);
            var commandsBefore = await redis.SnapshotAsync();
            var measured = await load.RunAsync(pool, TimeSpan.FromSeconds(options.Seconds), latencies, cancellationToken);
            var after = await redis.SnapshotAsync();
            var cpu = HostsCpu(hosts) - cpuBefore;

            var residents = Math.Min(pool.Taken, options.Residents);
            var sample = await redis.SampleConversationAsync($"bot:conv:wechat:{factory.OpenId(0)[..8]}*");
            var counts = await InboxVerifier.CountAsync(database, cancellationToken);
            var rss = memories.Select(m => m.PeakRssKib()).ToList();
            var exited = hosts.Where(h => !h.IsRunning).Select(h => h.OutputTail()).FirstOrDefault();
            if (exited is not null)
            {
                throw new BenchmarkFailedException($"{name}: a host exited during the phase:{Environment.NewLine}{exited}");
            }

            return new ClusterPhaseResult(
                name, hostCount, warmup, measured, latencies.Summarise(), latencies.Dropped, pool.Taken,
                redis.CommandsBetween(commandsBefore, after), after.UsedMemoryBytes - memoryBefore.UsedMemoryBytes, residents,
                sample, rss, cpu, counts);
        }
        finally
        {
            foreach (var memory in memories)
            {
                await memory.DisposeAsync();
            }

            foreach (var host in hosts)
            {
                host.Dispose();
            }
        }
    }

    private static Task<ChildHost> StartHostAsync(
        int index, int hostCount, string database, string redis, string dll, string scratch, ClusterOptions options, CancellationToken cancellationToken)
    {
        // A directory of its own per host: nothing shared between them but PostgreSQL and Redis.
        var directory = Directory.CreateDirectory(Path.Combine(scratch, $"phase{hostCount}-host{index}")).FullName;
        var environment = BenchmarkRun.BotEnvironment(directory, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = database,
            ["Redis__Configuration"] = redis,
        });
        foreach (var (key, value) in options.HostEnvironment)
        {
            environment[key] = value;
        }

        return ChildHost.StartAsync(string.Create(CultureInfo.InvariantCulture, $"bot host {index}/{hostCount}"), [dll], directory, environment, cancellationToken);
    }

    /// <summary>One callback to this host alone, opened fully: a misconfigured host fails here, not as a slow phase.</summary>
    private static async Task ProbeAsync(string name, ChildHost host, CallbackPool pool, CancellationToken cancellationToken)
    {
        using var probe = new LoadGenerator(host.BaseAddress, 1, ReplyCheck.Full);
        var (status, body) = await probe.SendOnceAsync(pool.Take()!, cancellationToken);
        if (ReplyCheck.Full(status, body) != Outcome.Expected)
        {
            throw new BenchmarkFailedException($"{name}: host answered {(int)status} {System.Text.Encoding.UTF8.GetString(body)}{Environment.NewLine}{host.OutputTail()}");
        }

        ReplyCheck.OpenFullReply(body);
    }

    private static double HostsCpu(IEnumerable<ChildHost> hosts) => hosts.Sum(h => CpuProbe.Seconds(h.ProcessId) ?? 0);
}
