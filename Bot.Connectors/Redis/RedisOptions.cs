using System.ComponentModel.DataAnnotations;

namespace Bot.Connectors.Redis;

public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string; empty keeps state, tokens, dedupe marks, locks and rate
    /// limits in process. Unless the string says otherwise, <see cref="RedisConnection"/> applies
    /// <c>abortConnect=false</c>, <c>connectTimeout=2000</c>, <c>syncTimeout=1000</c>, <c>asyncTimeout=1000</c>
    /// and a fail-fast backlog, so a Redis outage costs one short timeout and not one per call.
    /// </summary>
    public string Configuration { get; set; } = string.Empty;

    /// <summary>After a Redis failure, calls skip Redis (and use their fallbacks) for this long before trying again.</summary>
    [Range(100, 600_000)]
    public int RetryAfterMs { get; set; } = 5000;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
