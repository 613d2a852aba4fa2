using System.ComponentModel.DataAnnotations;

namespace Bot.Connectors.Storage;

/// <summary>
/// How long a host owns a message it accepted, and how often every host looks for messages whose owner
/// went away (killed, crashed, lost its database) so that another host finishes them.
/// </summary>
public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    /// <summary>Must exceed the longest turn (model budgets included): a lapsed lease lets another host re-run the turn.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    [Range(1, 600)]
    public int RecoverySweepSeconds { get; set; } = 10;

    /// <summary>How soon a turn that could not run (state or lock unavailable) is tried again by the sweep.</summary>
    [Range(1, 600)]
    public int RetryDelaySeconds { get; set; } = 5;

    /// <summary>Most messages one sweep takes over; the rest wait for the next sweep or another host.</summary>
    [Range(1, 10_000)]
    public int MaxClaimsPerSweep { get; set; } = 100;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan RetryDelay => TimeSpan.FromSeconds(RetryDelaySeconds);

    public TimeSpan SweepInterval => TimeSpan.FromSeconds(RecoverySweepSeconds);
}
