using Bot.Connectors.WeChat.Xml;
using Bot.Skills.Engine;

namespace Bot.Host.Intake;

/// <summary>Each channel's rules for carrying replies.</summary>
public static class ChannelPolicies
{
    /// <summary>
    /// WeChat's passive reply carries one message: text up to 2048 bytes, or news with one article (WeChat
    /// shows only one). Anything else goes through the customer-service API, long texts in parts.
    /// </summary>
    public static readonly PassivePolicy WeChat = new(1, reply => reply.Kind switch
    {
        ReplyKind.Text => WeChatReplyXml.Utf8Length(reply.Text) <= WeChatReplyXml.MaxTextBytes,
        ReplyKind.News => reply.Articles.Count == 1,
        _ => false,
    }, WeChatReplyXml.MaxTextBytes);

    public static PassivePolicy For(string channel) => channel == Channels.WeChat ? WeChat : PassivePolicy.All;
}
