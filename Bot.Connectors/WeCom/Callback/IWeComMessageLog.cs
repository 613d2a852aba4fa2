namespace Bot.Connectors.WeCom.Callback;

/// <summary>
/// Which WeCom callbacks were handled, so WeCom's retries (three, when an answer takes over 5 s) and a retry that
/// lands on another host reach the handler once.
/// </summary>
public interface IWeComMessageLog
{
    /// <returns>True the first time <paramref name="key"/> is registered (within the log's retention).</returns>
    Task<bool> TryRegisterAsync(string key, CancellationToken cancellationToken);

    /// <summary>Drops <paramref name="key"/>, so the next delivery of it is handled (the handler failed).</summary>
    Task ForgetAsync(string key, CancellationToken cancellationToken);
}
