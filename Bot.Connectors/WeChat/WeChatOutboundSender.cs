using Bot.Connectors.Outbox;
using Bot.Connectors.Storage;
using Bot.Connectors.WeChat.Api;
using Bot.Skills.Engine;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeChat;

/// <summary>
/// Sends stored replies through the customer-service API, within WeChat's rules: at most five messages per
/// resident message, within 48 hours of it. A message outside those rules waits for the resident's next
/// message instead of being dropped — except an unprompted notice (a grid worker's reply, a rating request),
/// which goes as the configured template message when there is one.
/// </summary>
public sealed class WeChatOutboundSender(IWeChatApiClient api, IOutboxStore outbox, IOptions<WeChatOptions> options, TimeProvider clock) : IOutboundSender
{
    public const int MessagesPerResidentMessage = 5;

    public static readonly TimeSpan ReplyWindow = TimeSpan.FromHours(48);

    public string Channel => Channels.WeChat;

    public async Task<SendOutcome> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var window = await outbox.GetWindowAsync(item.Resident, cancellationToken).ConfigureAwait(false);
        if (window.LastInboundAt is null || clock.GetUtcNow() - window.LastInboundAt > ReplyWindow)
        {
            return await TemplateOrDeferAsync(item, "outside the 48-hour window", cancellationToken).ConfigureAwait(false);
        }

        if (window.SentSinceInbound >= MessagesPerResidentMessage)
        {
            return await TemplateOrDeferAsync(item, "5 messages already sent for the resident's last message", cancellationToken).ConfigureAwait(false);
        }

        var outcome = Classify(await api.SendCustomMessageAsync(item.Resident.UserId, item.Reply, cancellationToken).ConfigureAwait(false));
        return outcome.Result == SendResult.Deferred
            ? await TemplateOrDeferAsync(item, outcome.Detail, cancellationToken).ConfigureAwait(false)
            : outcome;
    }

    private async Task<SendOutcome> TemplateOrDeferAsync(OutboxItem item, string reason, CancellationToken cancellationToken)
    {
        var template = options.Value.NoticeTemplate;
        if (!item.Unprompted || !template.IsConfigured)
        {
            return new SendOutcome(SendResult.Deferred, reason);
        }

        var data = NoticeTemplate.Fill(template, item.Reply, clock.GetUtcNow());
        var result = await api.SendTemplateMessageAsync(item.Resident.UserId, template.TemplateId, data, template.Url, cancellationToken).ConfigureAwait(false);
        return result.ErrCode switch
        {
            0 => SendOutcome.Sent,
            40003 or 43004 or 43019 or 40037 or 47003 => new SendOutcome(SendResult.Failed, $"template: {result.ErrCode} {result.ErrMsg}"), // bad openid, unsubscribed, blocked, bad template id, bad data
            _ => new SendOutcome(SendResult.Retry, $"template: {result.ErrCode} {result.ErrMsg}"),
        };
    }

    /// <summary>What each errcode means for the outbox.</summary>
    public static SendOutcome Classify(WeChatApiResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var detail = $"{result.ErrCode} {result.ErrMsg}";
        return result.ErrCode switch
        {
            0 => SendOutcome.Sent,
            45047 or 45015 => new SendOutcome(SendResult.Deferred, detail),   // quota used / 48-hour window closed
            40003 or 43004 or 43019 or 45002 or 40008 => new SendOutcome(SendResult.Failed, detail), // bad openid, unsubscribed, blocked, too long, bad type
            _ => new SendOutcome(SendResult.Retry, detail),                    // -1 busy, 45009 rate limit, token trouble…
        };
    }
}
