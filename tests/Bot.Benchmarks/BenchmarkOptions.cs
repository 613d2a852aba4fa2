using System.Globalization;

namespace Bot.Benchmarks;

/// <summary>Command-line settings. Bounded so a typo cannot start an hour-long run.</summary>
public sealed record BenchmarkOptions(
    int Seconds,
    int Concurrency,
    int WarmupSeconds,
    int Residents,
    BenchmarkTargets Targets,
    string? HostDll,
    IReadOnlyDictionary<string, string> HostEnvironment)
{
    public const string Usage =
        "usage: dotnet run -c Release --project tests/Bot.Benchmarks -- [--seconds 10] [--concurrency 32]\n" +
        "       [--warmup 2] [--residents 10000] [--only bare|full] [--host-dll PATH/Bot.Host.dll] [--env KEY=VALUE]...\n" +
        "--env adds or overrides an environment variable of the bot's process, for experiments (e.g. --env DOTNET_gcServer=0).\n" +
        "   or: dotnet run -c Release --project tests/Bot.Benchmarks -- bookings [--seconds 10] [--concurrency 32]\n" +
        "       [--warmup 2] [--host-dll PATH/Bot.Host.dll] [--env KEY=VALUE]...\n" +
        "bookings: POST /api/bookings, each client on its own venue and mediator, then all clients racing for one slot.";

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        // Timestamps are signed before the run; WeChat:ReplayWindowSeconds (300) bounds how long they stay valid.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new BenchmarkOptions(10, 32, 2, 10_000, BenchmarkTargets.Both, null, environment);
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
                "--only" => options with { Targets = Target(value) },
                "--host-dll" => options with { HostDll = Path.GetFullPath(value) },
                "--env" => OptionValues.WithEnvironment(options, environment, value),
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    private static BenchmarkTargets Target(string value) => value switch
    {
        "bare" => BenchmarkTargets.Bare,
        "full" => BenchmarkTargets.Full,
        _ => throw new ArgumentException("--only must be bare or full."),
    };
}

[Flags]
public enum BenchmarkTargets
{
    Bare = 1,
    Full = 2,
    Both = Bare | Full,
}
