using System.Runtime.InteropServices;
using Bot.Benchmarks;

// "bare" is the baseline child process this executable re-launches itself as; anything else runs the benchmark.
if (args.Length > 0 && args[0] == BareServer.Mode)
{
    await BareServer.RunAsync(args[1..]);
    return 0;
}

// "bookings" measures the booking API instead of the callback path, "cluster" one host against two on PostgreSQL
// and Redis; all modes share the signal handling below.
Func<CancellationToken, Task<int>> run;
try
{
    if (args.Length > 0 && args[0] == BookingBenchmark.Mode)
    {
        var bookingOptions = BookingBenchOptions.Parse(args[1..]);
        run = token => BookingBenchmark.ExecuteAsync(bookingOptions, token);
    }
    else if (args.Length > 0 && args[0] == ClusterBenchmark.Mode)
    {
        var clusterOptions = ClusterOptions.Parse(args[1..]);
        run = token => ClusterBenchmark.ExecuteAsync(clusterOptions, token);
    }
    else
    {
        var options = BenchmarkOptions.Parse(args);
        run = token => BenchmarkRun.ExecuteAsync(options, token);
    }
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    Console.Error.WriteLine(ClusterOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();

// Ctrl+C and SIGTERM cancel the run instead of ending the process, so it unwinds through its finally blocks
// and kills the child processes.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

try
{
    return await run(cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("benchmark cancelled");
    return 130;
}
catch (BenchmarkFailedException ex)
{
    Console.Error.WriteLine($"benchmark failed: {ex.Message}");
    return 1;
}

void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    cancel.Cancel();
}
