using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Xml;

namespace Bot.Connectors.WeCom.Callback;

/// <summary>
/// The outer callback body: <c>&lt;xml&gt;&lt;ToUserName/&gt;&lt;AgentID/&gt;&lt;Encrypt/&gt;&lt;/xml&gt;</c> or
/// <c>{"tousername","encrypt","agentid"}</c>. Only Encrypt is signed, so only it is trusted.
/// </summary>
public sealed record WeComEnvelope(WeComPayloadFormat Format, string Encrypt, string? ToUserName, string? AgentId)
{
    /// <summary>
    /// Picks the format by the first non-space character rather than Content-Type: the body is what gets
    /// parsed, and a proxy or WeCom itself may label either format text/xml or text/plain.
    /// </summary>
    /// <exception cref="WeChatFormatException">Neither XML nor JSON, malformed, or no Encrypt.</exception>
    public static WeComEnvelope Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var first = body.AsSpan().TrimStart();
        var format = first.IsEmpty ? (WeComPayloadFormat?)null : first[0] switch
        {
            '{' => WeComPayloadFormat.Json,
            '<' => WeComPayloadFormat.Xml,
            _ => null,
        };
        if (format is null)
        {
            throw new WeChatFormatException("The body is neither XML nor JSON.");
        }

        IReadOnlyDictionary<string, string> fields = format == WeComPayloadFormat.Json
            ? WeComMessageMapper.JsonFields(body)
            : WeChatMessageMapper.Fields(SafeXml.Parse(body));
        var encrypt = Field(fields, "Encrypt", "encrypt") ?? throw new WeChatFormatException("Encrypt is missing.");
        return new WeComEnvelope(format.Value, encrypt, Field(fields, "ToUserName", "tousername"), Field(fields, "AgentID", "agentid"));
    }

    private static string? Field(IReadOnlyDictionary<string, string> fields, string xmlName, string jsonName) =>
        fields.TryGetValue(xmlName, out var value) && value.Length > 0 ? value
        : fields.TryGetValue(jsonName, out value) && value.Length > 0 ? value
        : null;
}
