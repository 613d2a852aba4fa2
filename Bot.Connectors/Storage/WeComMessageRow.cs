namespace Bot.Connectors.Storage;

/// <summary>A WeCom callback that was handled (or is being handled), for dedupe across retries and hosts.</summary>
public sealed class WeComMessageRow
{
    public required string MessageKey { get; set; }

    public long SeenAtMs { get; set; }
}
