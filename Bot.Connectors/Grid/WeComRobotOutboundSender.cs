using Bot.Connectors.Outbox;
using Bot.Connectors.Storage;
using Bot.Connectors.WeCom.Api;

namespace Bot.Connectors.Grid;

/// <summary>Delivers queued group-robot posts (the outbox "user" is the webhook key), paced and retried.</summary>
public sealed class WeComRobotOutboundSender(IWeComApiClient api) : IOutboundSender
{
    /// <summary>WeCom's answer for a webhook key that does not exist: retrying will not help.</summary>
    private const int InvalidWebhookKey = 93000;

    public string Channel => OutboxGridAlerter.RobotChannel;

    public async Task<SendOutcome> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var result = await api.SendRobotMessageAsync(item.Resident.UserId, RobotMessage.Markdown(item.Reply.Text), cancellationToken).ConfigureAwait(false);
        return result.ErrCode switch
        {
            0 => SendOutcome.Sent,
            InvalidWebhookKey => new SendOutcome(SendResult.Failed, $"{result.ErrCode} {result.ErrMsg}"),
            _ => new SendOutcome(SendResult.Retry, $"{result.ErrCode} {result.ErrMsg}"),
        };
    }
}
