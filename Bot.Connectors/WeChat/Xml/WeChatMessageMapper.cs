using System.Globalization;
using System.Xml.Linq;
using Bot.Skills.Engine;

namespace Bot.Connectors.WeChat.Xml;

/// <summary>Maps a decrypted WeChat message <c>&lt;xml&gt;</c> element to <see cref="WeChatInbound"/>.</summary>
public static class WeChatMessageMapper
{
    /// <summary>All top-level child elements, name → trimmed text (first occurrence wins).</summary>
    public static IReadOnlyDictionary<string, string> Fields(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in root.Elements())
        {
            fields.TryAdd(element.Name.LocalName, element.Value.Trim());
        }

        return fields;
    }

    /// <param name="root">The decrypted (or plain-mode) message root.</param>
    /// <param name="appId">The account's app id; it scopes the dedupe key.</param>
    /// <param name="receivedAt">When the callback arrived.</param>
    /// <exception cref="WeChatFormatException">FromUserName is missing or a number is malformed.</exception>
    public static WeChatInbound Map(XElement root, string appId, DateTimeOffset receivedAt)
    {
        var fields = Fields(root);
        var openId = Optional(fields, "FromUserName")
            ?? throw new WeChatFormatException("FromUserName is missing.");
        var msgType = Optional(fields, "MsgType") ?? string.Empty;
        var createTime = Optional(fields, "CreateTime");
        if (createTime is not null && !long.TryParse(createTime, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            throw new WeChatFormatException($"CreateTime '{createTime}' is not an integer.");
        }

        var message = new InboundMessage(
            Channels.WeChat, openId, MessageKey(fields, appId, openId, msgType, createTime), InboundKind.Unknown, receivedAt);

        message = msgType.ToLowerInvariant() switch
        {
            "text" => message with { Kind = InboundKind.Text, Text = Optional(fields, "Content") ?? string.Empty },
            "image" => message with { Kind = InboundKind.Image, MediaId = Optional(fields, "MediaId"), Url = Optional(fields, "PicUrl") },
            // With speech recognition on, WeChat sends the transcript; skills can treat it as text.
            "voice" => message with { Kind = InboundKind.Voice, MediaId = Optional(fields, "MediaId"), Text = Optional(fields, "Recognition") },
            "video" or "shortvideo" => message with { Kind = InboundKind.Video, MediaId = Optional(fields, "MediaId") },
            "location" => message with
            {
                Kind = InboundKind.Location,
                Location = Point(fields, "Location_X", "Location_Y", Optional(fields, "Label")),
            },
            "link" => message with { Kind = InboundKind.Link, Url = Optional(fields, "Url"), Text = Optional(fields, "Title") },
            "event" => MapEvent(message, fields),
            _ => message,
        };

        return new WeChatInbound(message, Optional(fields, "ToUserName") ?? string.Empty, msgType, fields);
    }

    private static InboundMessage MapEvent(InboundMessage message, IReadOnlyDictionary<string, string> fields)
    {
        var eventName = Optional(fields, "Event");
        var mapped = message with { Kind = InboundKind.Event, EventName = eventName, EventKey = Optional(fields, "EventKey") };

        // The periodic location report carries coordinates under different names than a location message.
        return string.Equals(eventName, "LOCATION", StringComparison.OrdinalIgnoreCase)
            ? mapped with { Location = Point(fields, "Latitude", "Longitude", null) }
            : mapped;
    }

    /// <summary>
    /// Dedupe key. WeChat retries a callback up to three times; ordinary messages carry MsgId
    /// (MsgID on some events), other events are identified by (openid, CreateTime, Event).
    /// </summary>
    private static string MessageKey(
        IReadOnlyDictionary<string, string> fields, string appId, string openId, string msgType, string? createTime)
    {
        var msgId = Optional(fields, "MsgId") ?? Optional(fields, "MsgID");
        if (msgId is not null)
        {
            return $"{appId}:{openId}:{msgId}";
        }

        if (createTime is null)
        {
            throw new WeChatFormatException("Neither MsgId nor CreateTime is present.");
        }

        // Non-event messages without MsgId are rare; MsgType stands in for Event so keys stay distinct.
        var discriminator = string.Equals(msgType, "event", StringComparison.OrdinalIgnoreCase)
            ? Optional(fields, "Event") ?? string.Empty
            : msgType;
        return $"{appId}:{openId}:{createTime}:{discriminator}";
    }

    private static GeoPoint Point(IReadOnlyDictionary<string, string> fields, string latName, string lonName, string? label) =>
        new(Coordinate(fields, latName, 90), Coordinate(fields, lonName, 180), label);

    private static double Coordinate(IReadOnlyDictionary<string, string> fields, string name, double limit)
    {
        var text = Optional(fields, name) ?? throw new WeChatFormatException($"{name} is missing.");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || Math.Abs(value) > limit)
        {
            throw new WeChatFormatException($"{name} '{text}' is not a valid coordinate.");
        }

        return value;
    }

    /// <summary>The field's value, or null when absent or blank.</summary>
    private static string? Optional(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
