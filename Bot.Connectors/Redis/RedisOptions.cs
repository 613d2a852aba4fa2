namespace Bot.Connectors.Redis;

public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string; empty keeps state and tokens in process.</summary>
    public string Configuration { get; set; } = string.Empty;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Configuration);
}
