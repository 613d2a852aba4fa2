namespace Bot.Skills.Engine;

/// <summary>What a resident sent, independent of the channel it came through.</summary>
/// <param name="Channel">The channel name, e.g. <see cref="Channels.WeChat"/>.</param>
/// <param name="UserId">The resident's id on that channel (an openid for WeChat).</param>
/// <param name="MessageKey">A key unique per delivery of one message, used for dedupe.</param>
public sealed record InboundMessage(
    string Channel,
    string UserId,
    string MessageKey,
    InboundKind Kind,
    DateTimeOffset ReceivedAt,
    string? Text = null,
    GeoPoint? Location = null,
    string? MediaId = null,
    string? Url = null,
    string? EventName = null,
    string? EventKey = null)
{
    public ResidentKey Resident => new(Channel, UserId);
}

public enum InboundKind
{
    Text,
    Image,
    Voice,
    Video,
    Location,
    Link,
    Event,
    Unknown,
}

public sealed record GeoPoint(double Latitude, double Longitude, string? Label = null);

/// <summary>Identifies one resident on one channel.</summary>
public readonly record struct ResidentKey(string Channel, string UserId)
{
    public override string ToString() => $"{Channel}:{UserId}";
}

public static class Channels
{
    public const string WeChat = "wechat";
    public const string Simulator = "simulator";
    public const string WeCom = "wecom";

    /// <summary>A private chat with the WeCom AI bot (智能机器人); its group messages never reach the engine.</summary>
    public const string WeComBot = "wecom-bot";
}
