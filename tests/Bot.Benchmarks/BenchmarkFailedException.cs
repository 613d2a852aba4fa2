namespace Bot.Benchmarks;

/// <summary>The benchmark itself could not produce a figure (a child did not start, too many errors).</summary>
public sealed class BenchmarkFailedException : Exception
{
    public BenchmarkFailedException(string message)
        : base(message)
    {
    }

    public BenchmarkFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
