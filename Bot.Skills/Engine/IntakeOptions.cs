using System.ComponentModel.DataAnnotations;

namespace Bot.Skills.Engine;

/// <summary>Limits and cross-host coordination of residents' turns.</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>Messages one resident may send per minute before getting a polite "too fast" reply; 0 turns the limit off.</summary>
    [Range(0, 10_000)]
    public int MaxMessagesPerMinute { get; set; } = 20;

    /// <summary>How long the Redis "seen" mark of a delivery lives; WeChat retries within about 15 s.</summary>
    [Range(1, 86_400)]
    public int DedupeTtlSeconds { get; set; } = 600;

    /// <summary>Lease of the cross-host resident lock; renewed while a turn runs, so it only matters when a host dies.</summary>
    [Range(1, 3600)]
    public int TurnLockLeaseSeconds { get; set; } = 30;

    /// <summary>How long a turn waits for another host's turn of the same resident; then it stays in the inbox for later.</summary>
    [Range(0, 3600)]
    public int TurnLockWaitSeconds { get; set; } = 20;

    /// <summary>Pause between attempts to take a resident lock held elsewhere.</summary>
    [Range(10, 10_000)]
    public int TurnLockPollMs { get; set; } = 100;

    public TimeSpan DedupeTimeToLive => TimeSpan.FromSeconds(DedupeTtlSeconds);

    public TimeSpan TurnLockLease => TimeSpan.FromSeconds(TurnLockLeaseSeconds);

    public TimeSpan TurnLockWait => TimeSpan.FromSeconds(TurnLockWaitSeconds);

    public TimeSpan TurnLockPoll => TimeSpan.FromMilliseconds(TurnLockPollMs);
}
