using System.Globalization;
using System.Text.Json;
using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Xml;
using Bot.Skills.Engine;

namespace Bot.Connectors.WeCom;

/// <summary>Parses a decrypted WeCom message, XML or JSON, into <see cref="WeComInbound"/>.</summary>
public static class WeComMessageMapper
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 8 };

    /// <exception cref="WeChatFormatException">Malformed XML/JSON, no FromUserName, or a bad number.</exception>
    public static WeComInbound Parse(string plaintext, WeComPayloadFormat format, string corpId, DateTimeOffset receivedAt) =>
        Map(format == WeComPayloadFormat.Json ? JsonFields(plaintext) : WeChatMessageMapper.Fields(SafeXml.Parse(plaintext)), corpId, receivedAt);

    /// <summary>Top-level properties of a JSON object, name → text (numbers as written).</summary>
    /// <exception cref="WeChatFormatException">Not a JSON object.</exception>
    public static IReadOnlyDictionary<string, string> JsonFields(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, JsonOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new WeChatFormatException("JSON body is not an object.");
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                fields.TryAdd(property.Name, value.Trim());
            }

            return fields;
        }
        catch (JsonException ex)
        {
            throw new WeChatFormatException("JSON body is malformed: " + ex.Message, ex);
        }
    }

    public static WeComInbound Map(IReadOnlyDictionary<string, string> fields, string corpId, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var userId = Optional(fields, "FromUserName") ?? throw new WeChatFormatException("FromUserName is missing.");
        var msgType = Optional(fields, "MsgType") ?? string.Empty;
        long createTime = 0;
        if (Optional(fields, "CreateTime") is { } created
            && !long.TryParse(created, NumberStyles.Integer, CultureInfo.InvariantCulture, out createTime))
        {
            throw new WeChatFormatException($"CreateTime '{created}' is not an integer.");
        }

        var msgId = Optional(fields, "MsgId") ?? Optional(fields, "MsgID");
        var content = Optional(fields, "Content");
        var eventName = Optional(fields, "Event");
        var eventKey = Optional(fields, "EventKey");
        var agentId = Optional(fields, "AgentID") ?? Optional(fields, "AgentId");

        // WeCom retries an unanswered callback three times with the same MsgId (events: same CreateTime).
        var key = msgId is not null
            ? $"{corpId}:{agentId}:{userId}:{msgId}"
            : $"{corpId}:{agentId}:{userId}:{createTime.ToString(CultureInfo.InvariantCulture)}:{eventName ?? msgType}";
        var message = new InboundMessage(Channels.WeCom, userId, key, InboundKind.Unknown, receivedAt);
        message = msgType.ToLowerInvariant() switch
        {
            "text" => message with { Kind = InboundKind.Text, Text = content ?? string.Empty },
            "image" => message with { Kind = InboundKind.Image, MediaId = Optional(fields, "MediaId"), Url = Optional(fields, "PicUrl") },
            "voice" => message with { Kind = InboundKind.Voice, MediaId = Optional(fields, "MediaId") },
            "video" => message with { Kind = InboundKind.Video, MediaId = Optional(fields, "MediaId") },
            "event" => message with { Kind = InboundKind.Event, EventName = eventName, EventKey = eventKey },
            _ => message,
        };

        return new WeComInbound(message, userId, Optional(fields, "ToUserName") ?? string.Empty, msgType, content, msgId,
            createTime, agentId, eventName, eventKey, fields);
    }

    private static string? Optional(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}
