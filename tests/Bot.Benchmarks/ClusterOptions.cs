namespace Bot.Benchmarks;

/// <summary>Settings of the cluster mode; each phase runs its own warm-up and then <see cref="Seconds"/> measured.</summary>
public sealed record ClusterOptions(
    int Seconds,
    int Concurrency,
    int WarmupSeconds,
    int Residents,
    string? HostDll,
    IReadOnlyDictionary<string, string> HostEnvironment)
{
    public const string Usage =
        "   or: dotnet run -c Release --project tests/Bot.Benchmarks -- cluster [--seconds 10] [--concurrency 64]\n" +
        "       [--warmup 3] [--residents 20000] [--host-dll PATH/Bot.Host.dll] [--env KEY=VALUE]...\n" +
        "cluster: one Bot.Host, then two behind a round-robin client, on a private PostgreSQL and redis-server\n" +
        "         (or BOT_TEST_POSTGRES / BOT_TEST_REDIS); a fresh database and fresh residents per phase.";

    public static ClusterOptions Parse(IReadOnlyList<string> args)
    {
        // 64 clients: enough to keep two hosts busy, so the second phase measures capacity, not the client.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new ClusterOptions(10, 64, 3, 20_000, null, environment);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--seconds" => options with { Seconds = OptionValues.Int(name, value, 1, 120) },
                "--concurrency" => options with { Concurrency = OptionValues.Int(name, value, 1, 1024) },
                "--warmup" => options with { WarmupSeconds = OptionValues.Int(name, value, 0, 30) },
                "--residents" => options with { Residents = OptionValues.Int(name, value, 1, 1_000_000) },
                "--host-dll" => options with { HostDll = Path.GetFullPath(value) },
                "--env" => OptionValues.WithEnvironment(options, environment, value),
                _ => throw new ArgumentException($"Unknown option {name} for cluster."),
            };
        }

        return options;
    }
}
