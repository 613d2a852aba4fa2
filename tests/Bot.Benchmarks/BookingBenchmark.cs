namespace Bot.Benchmarks;

/// <summary>
/// <c>bookings</c> mode: one bot process, seeded through its admin API, then two phases on it, the baseline
/// (no two attempts meet) and the race (all clients on one slot at a time), each with its own warm-up.
/// </summary>
public static class BookingBenchmark
{
    public const string Mode = "bookings";

    /// <summary>The longest horizon the host allows: the most slots per pair, so neither phase runs out.</summary>
    private const int HorizonDays = 90;

    /// <summary>Measured attempts the latency array can hold per second; far above what booking reaches.</summary>
    private const int LatencySlotsPerSecond = 20_000;

    public static async Task<int> ExecuteAsync(BookingBenchOptions options, CancellationToken cancellationToken)
    {
        var dll = options.HostDll ?? BenchmarkRun.BuiltHostDll();
        if (!File.Exists(dll))
        {
            throw new BenchmarkFailedException($"Bot.Host.dll not found at {dll}; build the solution in this configuration first.");
        }

        var scratch = Directory.CreateTempSubdirectory("bot-bench-bookings-");
        try
        {
            var environment = BenchmarkRun.BotEnvironment(scratch.FullName, new Dictionary<string, string>
            {
                ["Bookings__HorizonDays"] = HorizonDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Bookings__LeadTimeMinutes"] = "0",
                ["WeCom__ApiBaseUrl"] = "http://127.0.0.1:9", // discard port: mediators' notices must not leave the machine
            });
            foreach (var (key, value) in options.HostEnvironment)
            {
                environment[key] = value;
            }

            using var host = await ChildHost.StartAsync("bot (bookings)", [dll], scratch.FullName, environment, cancellationToken);
            using var client = new BookingClient(host.BaseAddress, options.Concurrency);
            Console.Error.WriteLine($"[bookings] seeding {options.Concurrency + 1} venues and mediators …");
            var pairs = await BookingSeeder.SeedAsync(client, options.Concurrency + 1, cancellationToken);
            var slots = new BookingSlots(DateTimeOffset.UtcNow, HorizonDays);
            var own = pairs.Take(options.Concurrency).ToList();
            var shared = pairs[^1];

            var uncontended = await MeasureAsync("uncontended", client, slots, new OwnPairCursor(own, slots.PerPair), host, options, cancellationToken);
            var contended = await MeasureAsync("contended", client, slots, new SharedSlotCursor(shared, slots.PerPair), host, options, cancellationToken);

            var confirmed = await BookingVerifier.ConfirmedAsync(client, slots, pairs, cancellationToken);
            var verdict = new BookingVerdict(confirmed.Take(options.Concurrency).Sum(), confirmed[^1]);
            BookingReport.Print(options, uncontended, contended, verdict, Console.Out);
            return BookingReport.Failures(uncontended, contended, verdict, Console.Error) == 0 ? 0 : 1;
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

    private static async Task<BookingPhaseResult> MeasureAsync(
        string name, BookingClient client, BookingSlots slots, IBookingCursor cursor, ChildHost host, BookingBenchOptions options,
        CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"[{name}] warm-up {options.WarmupSeconds} s …");
        var warmup = await BookingPhase.RunAsync(client, slots, cursor, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds), null, cancellationToken);

        Console.Error.WriteLine($"[{name}] measuring {options.Seconds} s at concurrency {options.Concurrency} …");
        var latencies = new LatencyRecorder(options.Seconds * LatencySlotsPerSecond);
        var cpuBefore = CpuProbe.Seconds(host.ProcessId);
        var measured = await BookingPhase.RunAsync(client, slots, cursor, options.Concurrency, TimeSpan.FromSeconds(options.Seconds), latencies, cancellationToken);
        var cpu = CpuProbe.Seconds(host.ProcessId) - cpuBefore;
        return new BookingPhaseResult(name, warmup, measured, latencies.Summarise(), cpu);
    }
}

/// <summary>One phase's figures: warm-up and measurement counts, the measured latencies and server CPU seconds.</summary>
public sealed record BookingPhaseResult(string Name, BookingTally Warmup, BookingTally Measured, LatencySummary Latency, double? ServerCpuSeconds)
{
    public long Created => Warmup.Created + Measured.Created;

    public long Errors => Warmup.Errors + Measured.Errors;
}

/// <summary>What the calendar holds afterwards: confirmed bookings of the baseline pairs and of the contended pair.</summary>
public sealed record BookingVerdict(int UncontendedConfirmed, int ContendedConfirmed);
