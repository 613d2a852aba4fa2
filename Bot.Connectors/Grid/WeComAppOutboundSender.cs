using System.Globalization;
using Bot.Connectors.Outbox;
using Bot.Connectors.Storage;
using Bot.Connectors.WeCom;
using Bot.Connectors.WeCom.Api;
using Bot.Skills.Engine;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Grid;

/// <summary>
/// Delivers queued app messages to members (the outbox "user" is the WeCom userid): a news reply with a link as a
/// text card, anything else as text. Paced and retried by the outbox.
/// </summary>
public sealed class WeComAppOutboundSender(IWeComApiClient api, IOptions<WeComOptions> options) : IOutboundSender
{
    /// <summary>WeCom answers that retrying cannot fix: the member, the app or its rights are wrong.</summary>
    private static readonly int[] Permanent =
    [
        40003, // invalid userid
        40056, // invalid agentid
        60011, // the app may not message this member
        81013, // every recipient is invalid or out of the app's visible range
    ];

    public string Channel => OutboxStaffNotifier.AppChannel;

    public async Task<SendOutcome> SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!int.TryParse(options.Value.AgentId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return new SendOutcome(SendResult.Failed, "WeCom:AgentId is not set; app messages cannot be sent");
        }

        var result = await api.SendAppMessageAsync(Message(item), cancellationToken).ConfigureAwait(false);
        return result.ErrCode switch
        {
            0 => SendOutcome.Sent,
            var code when Permanent.Contains(code) => new SendOutcome(SendResult.Failed, $"{result.ErrCode} {result.ErrMsg}"),
            _ => new SendOutcome(SendResult.Retry, $"{result.ErrCode} {result.ErrMsg}"),
        };
    }

    private static WeComAppMessage Message(OutboxItem item)
    {
        string[] to = [item.Resident.UserId];
        return item.Reply is { Kind: ReplyKind.News, Articles: [{ Url.Length: > 0 } card, ..] }
            ? WeComAppMessage.Card(to, new WeComTextCard(card.Title, card.Description, card.Url, "详情"))
            : WeComAppMessage.Text(to, item.Reply.Text);
    }
}
