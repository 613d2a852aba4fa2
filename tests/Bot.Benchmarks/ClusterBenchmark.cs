namespace Bot.Benchmarks;

/// <summary>
/// <c>cluster</c> mode: PostgreSQL and Redis for the whole run; phase 1 with one Bot.Host on them, phase 2 with two
/// behind a round-robin client, each on a fresh database with fresh residents; both verified, then printed side by side.
/// </summary>
public static class ClusterBenchmark
{
    public const string Mode = "cluster";

    /// <summary>Above this share of failed requests the figures describe a broken run, not a slow one.</summary>
    private const double MaxErrorFraction = 0.01;

    public static async Task<int> ExecuteAsync(ClusterOptions options, CancellationToken cancellationToken)
    {
        var dll = options.HostDll ?? BenchmarkRun.BuiltHostDll();
        if (!File.Exists(dll))
        {
            throw new BenchmarkFailedException($"Bot.Host.dll not found at {dll}; build the solution in this configuration first.");
        }

        var scratch = Directory.CreateTempSubdirectory("bot-bench-cluster-");
        try
        {
            Console.Error.WriteLine($"[cluster] {Environment.ProcessorCount} cores; starting PostgreSQL and Redis ({ClusterInfrastructure.Description}) …");
            await using var infrastructure = await ClusterInfrastructure.StartAsync(cancellationToken);
            await using var redis = await RedisProbe.ConnectAsync(infrastructure.Redis.Configuration);

            // No host runs yet: what the counter moves between two snapshots is the probe alone.
            await redis.CalibrateAsync();

            var one = await RunVerifiedAsync(1, infrastructure, redis, dll, scratch.FullName, options, cancellationToken);
            var two = await RunVerifiedAsync(2, infrastructure, redis, dll, scratch.FullName, options, cancellationToken);
            ClusterReport.Print(options, one, two, Console.Out);

            var broken = new[] { one, two }.Where(r => ErrorFraction(r) > MaxErrorFraction).ToList();
            foreach (var result in broken)
            {
                Console.Error.WriteLine($"benchmark failed: {result.Name} had {ErrorFraction(result):P1} errors (limit {MaxErrorFraction:P0}).");
            }

            return broken.Count == 0 ? 0 : 1;
        }
        finally
        {
            try
            {
                scratch.Delete(recursive: true);
            }
            catch (IOException ex)
            {
                Console.Error.WriteLine($"could not delete {scratch.FullName}: {ex.Message}");
            }
        }
    }

    private static async Task<ClusterPhaseResult> RunVerifiedAsync(
        int hosts, ClusterInfrastructure infrastructure, RedisProbe redis, string dll, string scratch, ClusterOptions options,
        CancellationToken cancellationToken)
    {
        var result = await ClusterPhase.RunAsync(hosts, infrastructure, redis, dll, scratch, options, cancellationToken);
        InboxVerifier.Verify(result.Name, result.MessagesSent, result.Inbox);
        Console.Error.WriteLine($"[{result.Name}] verified: {result.Inbox.Rows} messages, each stored once and answered once.");
        return result;
    }

    private static double ErrorFraction(ClusterPhaseResult result)
    {
        var total = result.Warmup.Requests + result.Measured.Requests;
        return total == 0 ? 1 : (double)result.Errors / total;
    }
}
