namespace Bot.Connectors.WeCom;

/// <summary>
/// Delivers an answer that missed the callback's reply budget. WeCom drops a passive reply after 5 s and retries
/// the callback, so a slow answer is sent as an app message instead.
/// </summary>
public interface IWeComLateReply
{
    Task SendAsync(string weComUserId, string text, CancellationToken cancellationToken);
}
