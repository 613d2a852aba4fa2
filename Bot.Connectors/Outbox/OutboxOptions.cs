using System.ComponentModel.DataAnnotations;

namespace Bot.Connectors.Outbox;

public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Runs the background dispatcher; off only where something else drives it (tests, tools).</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 500)]
    public int BatchSize { get; set; } = 32;

    /// <summary>How often the dispatcher looks for due retries when nothing wakes it.</summary>
    [Range(50, 60_000)]
    public int PollIntervalMs { get; set; } = 1000;

    /// <summary>After this many failed attempts a message is marked failed and kept for review.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    [Range(100, 3_600_000)]
    public int MaxBackoffMs { get; set; } = 300_000;

    /// <summary>How long a claimed message stays claimed before another dispatcher may take it over.</summary>
    [Range(1000, 3_600_000)]
    public int LeaseMs { get; set; } = 60_000;

    /// <summary>Backoff after attempt <paramref name="attempts"/>: 1 s, 2 s, 4 s … up to the maximum.</summary>
    public TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoffMs, 1000 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
