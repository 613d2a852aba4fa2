using Bot.Connectors.WeChat.Api;

namespace Bot.Connectors.WeCom.Api;

/// <summary>Outbound WeCom calls. Sends wait for a slot under WeCom's rate limits rather than fail.</summary>
public interface IWeComApiClient
{
    /// <summary>
    /// Sends an app message (text, markdown or textcard). WeCom error codes come back in the result; transport
    /// failures throw <see cref="HttpRequestException"/> or <see cref="TaskCanceledException"/>.
    /// </summary>
    Task<WeChatApiResult> SendAppMessageAsync(WeComAppMessage message, CancellationToken cancellationToken);

    /// <summary>Sends a text or markdown message through the group robot with <paramref name="webhookKey"/>.</summary>
    Task<WeChatApiResult> SendRobotMessageAsync(string webhookKey, RobotMessage message, CancellationToken cancellationToken);
}
