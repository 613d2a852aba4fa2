using Bot.Skills.Engine;

namespace Bot.Connectors.WeCom;

/// <summary>One decrypted WeCom callback message: the channel-neutral message plus the WeCom fields.</summary>
/// <param name="Message">What channel-neutral code sees; Channel is <see cref="Channels.WeCom"/>.</param>
/// <param name="FromUserName">The member's WeCom userid.</param>
/// <param name="ToUserName">The CorpId the message was sent to.</param>
/// <param name="MsgType">text, image, event, …; empty when absent.</param>
/// <param name="MsgId">Kept as text: it is a 64-bit number and only ever compared.</param>
/// <param name="CreateTime">Unix seconds, 0 when absent.</param>
/// <param name="Fields">Every top-level field, name → text, for anything not mapped above.</param>
public sealed record WeComInbound(
    InboundMessage Message,
    string FromUserName,
    string ToUserName,
    string MsgType,
    string? Content,
    string? MsgId,
    long CreateTime,
    string? AgentId,
    string? Event,
    string? EventKey,
    IReadOnlyDictionary<string, string> Fields);
