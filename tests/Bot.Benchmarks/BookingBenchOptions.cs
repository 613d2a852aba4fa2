using System.Globalization;

namespace Bot.Benchmarks;

/// <summary>Settings of the bookings mode; each phase runs its own warm-up and then <see cref="Seconds"/> measured.</summary>
public sealed record BookingBenchOptions(
    int Seconds,
    int Concurrency,
    int WarmupSeconds,
    string? HostDll,
    IReadOnlyDictionary<string, string> HostEnvironment)
{
    public static BookingBenchOptions Parse(IReadOnlyList<string> args)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new BookingBenchOptions(10, 32, 2, null, environment);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--seconds" => options with { Seconds = OptionValues.Int(name, value, 1, 120) },

                // One venue and one mediator per client are seeded; a few hundred keeps the seeding short.
                "--concurrency" => options with { Concurrency = OptionValues.Int(name, value, 1, 256) },
                "--warmup" => options with { WarmupSeconds = OptionValues.Int(name, value, 0, 30) },
                "--host-dll" => options with { HostDll = Path.GetFullPath(value) },
                "--env" => OptionValues.WithEnvironment(options, environment, value),
                _ => throw new ArgumentException($"Unknown option {name} for bookings."),
            };
        }

        return options;
    }
}
