namespace Bot.Skills.Engine;

/// <summary>
/// Remembers which deliveries have completed a turn, so a message that is replayed (a WeChat retry, or
/// inbox recovery after a restart) is never processed twice.
/// </summary>
public interface ITurnLedger
{
    Task<bool> IsCompletedAsync(string channel, string messageKey, CancellationToken cancellationToken);
}
