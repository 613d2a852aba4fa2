namespace Bot.Skills.Engine;

/// <summary>Counts a resident's messages per window, across hosts when the implementation is shared.</summary>
public interface IResidentRateLimiter
{
    /// <summary>Counts one message; false when it is over <paramref name="limit"/> in the current window.</summary>
    Task<bool> TryAcquireAsync(ResidentKey resident, int limit, TimeSpan window, CancellationToken cancellationToken);
}
