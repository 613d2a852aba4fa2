using Bot.Skills.Engine;

namespace Bot.Connectors.WeChat.Xml;

/// <summary>
/// One decrypted WeChat callback: the channel-neutral message plus the WeChat details a reply needs.
/// </summary>
/// <param name="Message">What the skills see.</param>
/// <param name="ToUserName">The account's original id (gh_…); a passive reply uses it as FromUserName.</param>
/// <param name="MsgType">MsgType as sent (text, image, event, …); empty when absent.</param>
/// <param name="Fields">Every top-level element, name → trimmed text, for anything not mapped above.</param>
public sealed record WeChatInbound(
    InboundMessage Message,
    string ToUserName,
    string MsgType,
    IReadOnlyDictionary<string, string> Fields);
