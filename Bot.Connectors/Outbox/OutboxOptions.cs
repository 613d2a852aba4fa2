using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Bot.Connectors.Outbox;

public sealed class OutboxOptions : IValidatableObject
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

    /// <summary>
    /// How long one request to WeChat or WeCom may take before it counts as failed and is retried with backoff.
    /// At least once: a request that timed out may still have been delivered, so the resident can see it twice.
    /// </summary>
    /// <remarks>0 turns it off: only the HTTP clients' own real-time timeout remains (tests that jump the fake clock).</remarks>
    [Range(0, 120_000)]
    public int SendTimeoutMs { get; set; } = 5000;

    /// <summary>Backoff after attempt <paramref name="attempts"/>: 1 s, 2 s, 4 s … up to the maximum.</summary>
    public TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoffMs, 1000 * Math.Pow(2, Math.Max(0, attempts - 1))));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // An attempt may make up to four requests (token, send, token refresh, send again); if it could outlast
        // the lease, another dispatcher would claim the same message meanwhile and send it twice.
        if (SendTimeoutMs > 0 && (long)SendTimeoutMs * 4 >= LeaseMs)
        {
            yield return new ValidationResult(
                string.Create(CultureInfo.InvariantCulture, $"Outbox:SendTimeoutMs ({SendTimeoutMs}) times 4 must stay below Outbox:LeaseMs ({LeaseMs})."),
                [nameof(SendTimeoutMs), nameof(LeaseMs)]);
        }
    }
}
