namespace Bot.Connectors.Redis;

/// <summary>
/// Redis did not answer, or the circuit is open after a recent failure. Every Redis user catches this one
/// type and takes its documented fallback.
/// </summary>
public sealed class RedisUnavailableException : Exception
{
    public RedisUnavailableException()
        : base("Redis is unavailable.")
    {
    }

    public RedisUnavailableException(string message)
        : base(message)
    {
    }

    public RedisUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
