using System.Text;
using System.Text.Json;
using Bot.Connectors.WeChat;

namespace Bot.Connectors.WeCom.AiBot;

/// <summary>One decrypted AI-bot callback (JSON). Text is the text of text, mixed and voice (recognised) messages.</summary>
/// <param name="ChatType"><c>single</c> or <c>group</c>.</param>
public sealed record WeComBotMessage(
    string MsgId,
    string AiBotId,
    string? ChatId,
    string ChatType,
    string FromUserId,
    string MsgType,
    string Text,
    string? QuoteText)
{
    public bool IsGroup => ChatType == "group";

    /// <exception cref="WeChatFormatException">Not JSON, or msgid / from.userid / msgtype missing.</exception>
    public static WeComBotMessage Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WeChatFormatException("The message is not a JSON object.");
            }

            var msgType = String(root, "msgtype") ?? throw new WeChatFormatException("msgtype is missing.");
            var from = root.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.Object ? String(f, "userid") : null;
            return new WeComBotMessage(
                String(root, "msgid") ?? throw new WeChatFormatException("msgid is missing."),
                String(root, "aibotid") ?? string.Empty,
                String(root, "chatid"),
                String(root, "chattype") ?? "single",
                from ?? throw new WeChatFormatException("from.userid is missing."),
                msgType,
                TextOf(root, msgType),
                root.TryGetProperty("quote", out var quote) && quote.ValueKind == JsonValueKind.Object && String(quote, "msgtype") is { } quoteType
                    ? TextOf(quote, quoteType)
                    : null);
        }
        catch (JsonException ex)
        {
            throw new WeChatFormatException("The message is not valid JSON.", ex);
        }
    }

    private static string TextOf(JsonElement message, string msgType)
    {
        if (msgType == "mixed")
        {
            var text = new StringBuilder();
            if (message.TryGetProperty("mixed", out var mixed) && mixed.ValueKind == JsonValueKind.Object
                && mixed.TryGetProperty("msg_item", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object && String(i, "msgtype") == "text"))
                {
                    text.Append(TextOf(item, "text")).Append(' ');
                }
            }

            return text.ToString().Trim();
        }

        // text.content; voice.content is WeCom's transcription. Images and files carry no text.
        return msgType is "text" or "voice" && message.TryGetProperty(msgType, out var body) && body.ValueKind == JsonValueKind.Object
            ? String(body, "content") ?? string.Empty
            : string.Empty;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;
}
