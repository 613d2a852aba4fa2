using System.Reflection;

namespace Bot.Benchmarks;

/// <summary>Runs the baseline and the bot one after the other on this machine and prints them side by side.</summary>
public static class BenchmarkRun
{
    /// <summary>Above this share of failed requests the figures describe a broken run, not a slow one.</summary>
    private const double MaxErrorFraction = 0.01;

    /// <summary>Callbacks built before the warm-up; the bot's pool grows after it, from the rate it showed.</summary>
    private const int InitialCallbacks = 30_000;

    /// <summary>The bot's admin API key in every run; the bookings benchmark calls the admin API with it.</summary>
    internal const string AdminKey = "bench-admin-key-0123456789";

    public static async Task<int> ExecuteAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("bot-bench-");
        try
        {
            var factory = new CallbackFactory(options.Residents);
            var results = new List<TargetResult>();
            if (options.Targets.HasFlag(BenchmarkTargets.Bare))
            {
                results.Add(await RunBareAsync(factory, scratch.FullName, options, cancellationToken));
            }

            if (options.Targets.HasFlag(BenchmarkTargets.Full))
            {
                results.Add(await RunFullAsync(factory, scratch.FullName, options, cancellationToken));
            }

            Report.Print(options, results, Console.Out);
            var broken = results.Where(r => r.ErrorFraction > MaxErrorFraction).ToList();
            foreach (var result in broken)
            {
                Console.Error.WriteLine($"benchmark failed: {result.Name} had {result.ErrorFraction:P1} errors (limit {MaxErrorFraction:P0}).");
            }

            return broken.Count == 0 ? 0 : 1;
        }
        finally
        {
            TryDelete(scratch);
        }
    }

    private static async Task<TargetResult> RunBareAsync(CallbackFactory factory, string scratch, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        const string name = "bare endpoint";
        var self = typeof(BenchmarkRun).Assembly.Location;
        using var host = await ChildHost.StartAsync(name, [self, BareServer.Mode], scratch, ProductionEnvironment(), cancellationToken);

        // The same bytes go over the wire as to the bot; the bare endpoint does not care that they repeat.
        var pool = new CallbackPool(factory, cyclic: true);
        pool.GrowTo(InitialCallbacks);
        using (var probe = new LoadGenerator(host.BaseAddress, 1, ReplyCheck.Bare))
        {
            var (status, body) = await probe.SendOnceAsync(pool.Take()!, cancellationToken);
            if (ReplyCheck.Bare(status, body) != Outcome.Expected)
            {
                throw new BenchmarkFailedException($"{name} answered {(int)status} {System.Text.Encoding.UTF8.GetString(body)}");
            }
        }

        return await TargetBenchmark.RunAsync(name, host, pool, ReplyCheck.Bare, options, cancellationToken);
    }

    private static async Task<TargetResult> RunFullAsync(CallbackFactory factory, string scratch, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        const string name = "full bot path";
        var dll = options.HostDll ?? BuiltHostDll();
        if (!File.Exists(dll))
        {
            throw new BenchmarkFailedException($"Bot.Host.dll not found at {dll}; build the solution in this configuration first.");
        }

        // A fresh directory: no appsettings.json or data/ there, so the environment below is the whole configuration.
        var workingDirectory = Directory.CreateDirectory(Path.Combine(scratch, "host")).FullName;
        var environment = BotEnvironment(workingDirectory, options.HostEnvironment);
        using var host = await ChildHost.StartAsync(name, [dll], workingDirectory, environment, cancellationToken);

        var pool = new CallbackPool(factory, cyclic: false);
        pool.GrowTo(InitialCallbacks);
        using (var probe = new LoadGenerator(host.BaseAddress, 1, ReplyCheck.Full))
        {
            var (status, body) = await probe.SendOnceAsync(pool.Take()!, cancellationToken);
            if (ReplyCheck.Full(status, body) != Outcome.Expected)
            {
                throw new BenchmarkFailedException($"{name} answered {(int)status} {System.Text.Encoding.UTF8.GetString(body)}{Environment.NewLine}{host.OutputTail()}");
            }

            var text = ReplyCheck.OpenFullReply(body);
            Console.Error.WriteLine($"[{name}] \"{CallbackFactory.Content}\" is answered: {text[..Math.Min(text.Length, 40)].ReplaceLineEndings(" ")}…");
        }

        return await TargetBenchmark.RunAsync(name, host, pool, ReplyCheck.Full, options, cancellationToken);
    }

    /// <summary>
    /// The bot's whole configuration for a run: the callback secrets, the admin key, a database in
    /// <paramref name="workingDirectory"/>, and nothing that could reach WeChat; then <paramref name="overrides"/>.
    /// </summary>
    internal static Dictionary<string, string> BotEnvironment(string workingDirectory, IReadOnlyDictionary<string, string> overrides)
    {
        var environment = new Dictionary<string, string>(ProductionEnvironment())
        {
            ["WeChat__Token"] = CallbackFactory.Token,
            ["WeChat__AppId"] = CallbackFactory.AppId,
            ["WeChat__EncodingAESKey"] = CallbackFactory.AesKey,
            ["WeChat__AppSecret"] = "bench-app-secret",
            ["WeChat__ApiBaseUrl"] = "http://127.0.0.1:9", // discard port: nothing in this run may reach WeChat
            ["Admin__ApiKey"] = AdminKey,
            ["Storage__ConnectionString"] = $"Data Source={Path.Combine(workingDirectory, "bench.db")}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in overrides)
        {
            environment[key] = value;
        }

        return environment;
    }

    private static Dictionary<string, string> ProductionEnvironment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
    };

    internal static string BuiltHostDll() =>
        typeof(BenchmarkRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BotHostDll")?.Value
        ?? throw new BenchmarkFailedException("This build does not record where Bot.Host.dll is; pass --host-dll.");

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"could not delete {directory.FullName}: {ex.Message}");
        }
    }
}
