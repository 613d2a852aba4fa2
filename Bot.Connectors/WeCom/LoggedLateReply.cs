using Microsoft.Extensions.Logging;

namespace Bot.Connectors.WeCom;

/// <summary>The default without an outbox (the connector on its own): the late answer can only be logged.</summary>
public sealed partial class LoggedLateReply(ILogger<LoggedLateReply> logger) : IWeComLateReply
{
    public Task SendAsync(string weComUserId, string text, CancellationToken cancellationToken)
    {
        LogDropped(text.Length);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A WeCom answer of {Length} characters missed the reply budget and no outbox is registered to send it")]
    private partial void LogDropped(int length);
}
