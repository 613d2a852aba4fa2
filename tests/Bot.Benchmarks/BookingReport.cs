using System.Globalization;

namespace Bot.Benchmarks;

/// <summary>The two phases side by side, the counts behind them, and what makes the run a failure.</summary>
public static class BookingReport
{
    public static void Print(BookingBenchOptions options, BookingPhaseResult uncontended, BookingPhaseResult contended, BookingVerdict verdict, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"benchmark: POST /api/bookings, {options.Seconds} s per phase after {options.WarmupSeconds} s warm-up, concurrency {options.Concurrency}, machine: {Environment.ProcessorCount} cores"));
        output.WriteLine("              attempts/s  bookings/s  conflicts  errors  p50 (ms)  p99 (ms)  max (ms)  server CPU/attempt");
        foreach (var r in new[] { uncontended, contended })
        {
            var m = r.Measured;
            var cpu = r.ServerCpuSeconds is { } s && m.Attempts > 0 ? string.Create(c, $"{s * 1e6 / m.Attempts:F0} µs") : "n/a";
            output.WriteLine(string.Create(c,
                $"{r.Name,-12} {m.PerSecond(m.Attempts),11:F1} {m.PerSecond(m.Created),11:F1} {m.Conflicts,10} {m.Errors,7} {r.Latency.P50Ms,9:F2} {r.Latency.P99Ms,9:F2} {r.Latency.MaxMs,9:F2}  {cpu,18}"));
        }

        output.WriteLine();
        foreach (var r in new[] { uncontended, contended })
        {
            var (m, w) = (r.Measured, r.Warmup);
            output.WriteLine(string.Create(c,
                $"{r.Name}: {m.Attempts} attempts in {m.Elapsed.TotalSeconds:F2} s ({m.Created} created, {m.Conflicts} conflicts, {m.Errors} errors); " +
                $"warm-up {w.Attempts} attempts ({w.Created} created, {w.Conflicts} conflicts, {w.Errors} errors)"));
            if (r.ServerCpuSeconds is { } s)
            {
                output.WriteLine(string.Create(c, $"  server CPU {s:F1} s ({s / m.Elapsed.TotalSeconds * 100:F0}% of one core)"));
            }

            if ((m.FirstError ?? w.FirstError) is { } error)
            {
                output.WriteLine($"  first error: {error}");
            }

            if (m.Exhausted || w.Exhausted)
            {
                output.WriteLine("  note: the slots inside the horizon ran out; the phase ended early and its rates cover the shorter time.");
            }
        }

        output.WriteLine(string.Create(c,
            $"calendar: uncontended pairs hold {verdict.UncontendedConfirmed} confirmed bookings for {uncontended.Created} answers 201; " +
            $"the contended pair holds {verdict.ContendedConfirmed} for {contended.Created} answers 201, none sharing a slot"));
    }

    /// <returns>How many checks failed, each written to <paramref name="error"/>.</returns>
    public static int Failures(BookingPhaseResult uncontended, BookingPhaseResult contended, BookingVerdict verdict, TextWriter error)
    {
        var failures = new List<string>();
        foreach (var r in new[] { uncontended, contended })
        {
            if (r.Errors > 0)
            {
                failures.Add($"{r.Name} had {r.Errors} errors (statuses other than 201/409, or transport failures)");
            }
        }

        // Every baseline slot is free and allowed: a 409 there means a rule or the database refused a valid booking.
        if (uncontended.Warmup.Conflicts + uncontended.Measured.Conflicts > 0)
        {
            failures.Add($"uncontended had {uncontended.Warmup.Conflicts + uncontended.Measured.Conflicts} conflicts; every attempt should succeed");
        }

        if (verdict.UncontendedConfirmed != uncontended.Created)
        {
            failures.Add($"uncontended answered 201 {uncontended.Created} times but the calendar holds {verdict.UncontendedConfirmed} confirmed bookings");
        }

        if (verdict.ContendedConfirmed != contended.Created)
        {
            failures.Add($"contended answered 201 {contended.Created} times but the calendar holds {verdict.ContendedConfirmed} confirmed bookings");
        }

        foreach (var failure in failures)
        {
            error.WriteLine($"benchmark failed: {failure}.");
        }

        return failures.Count;
    }
}
