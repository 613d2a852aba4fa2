using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Connectors.WeChat.Crypto;

namespace Bot.Host.Tests.Infrastructure;

/// <summary>AI-bot (智能机器人) callbacks encrypted and signed the way WeCom does it: JSON, empty receiveid.</summary>
public sealed class WeComBotRequests(DateTimeOffset now)
{
    public const string Token = "botToken42";
    public const string AesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string BotName = "睦邻助手";

    private int _next;

    public long Timestamp { get; set; } = now.ToUnixTimeSeconds();

    public static BotHostFactory Configure(BotHostFactory host) => host
        .With("WeCom:Bot:Token", Token).With("WeCom:Bot:EncodingAESKey", AesKey).With("WeCom:Bot:Name", BotName)
        .With("Community:Phone", "0571-88886666");

    /// <summary>A text message; <paramref name="chatId"/> null makes it a private (single) chat.</summary>
    public static JsonObject Text(string content, string user = "zhangsan", string? chatId = "wrkGroupA", string? msgId = null) => new()
    {
        ["msgid"] = msgId ?? Guid.NewGuid().ToString("N"),
        ["aibotid"] = "AIBOTID",
        ["chatid"] = chatId,
        ["chattype"] = chatId is null ? "single" : "group",
        ["from"] = new JsonObject { ["userid"] = user },
        ["response_url"] = "https://example.invalid/response",
        ["msgtype"] = "text",
        ["text"] = new JsonObject { ["content"] = content },
    };

    /// <summary>"@睦邻助手 " + the question, as WeCom writes a mention (U+2005 after the name).</summary>
    public static JsonObject Ask(string question, string user = "zhangsan", string chatId = "wrkGroupA", string? msgId = null) =>
        Text($"@{BotName}\u2005{question}", user, chatId, msgId);

    public HttpRequestMessage Post(JsonObject message, string receiveId = "") => PostRaw(Encrypt(message.ToJsonString(), receiveId));

    public HttpRequestMessage PostRaw(string encrypt, string? signature = null)
    {
        var body = new JsonObject { ["encrypt"] = encrypt };
        var nonce = $"n{Interlocked.Increment(ref _next)}";
        var timestamp = Timestamp.ToString(CultureInfo.InvariantCulture);
        return new HttpRequestMessage(HttpMethod.Post,
            $"/wecom/bot?msg_signature={signature ?? WeChatSignature.Compute(Token, timestamp, nonce, encrypt)}&timestamp={timestamp}&nonce={nonce}")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }

    public string VerifyUrl(string echo, out string signature)
    {
        var encrypted = Encrypt(echo, string.Empty);
        var timestamp = Timestamp.ToString(CultureInfo.InvariantCulture);
        signature = WeChatSignature.Compute(Token, timestamp, "echo1", encrypted);
        return $"/wecom/bot?msg_signature={signature}&timestamp={timestamp}&nonce=echo1&echostr={Uri.EscapeDataString(encrypted)}";
    }

    /// <summary>Checks the reply's signature, decrypts it (receiveid must be empty) and returns the plaintext JSON.</summary>
    public static JsonObject OpenReply(string replyJson)
    {
        var envelope = JsonNode.Parse(replyJson)!;
        var encrypt = envelope["encrypt"]!.GetValue<string>();
        var timestamp = envelope["timestamp"]!.ToJsonString();
        var nonce = envelope["nonce"]!.GetValue<string>();
        if (WeChatSignature.Compute(Token, timestamp, nonce, encrypt) != envelope["msgsignature"]!.GetValue<string>())
        {
            throw new InvalidOperationException("The reply's signature does not verify.");
        }

        var decrypted = new WeChatMessageCrypto(AesKey).Decrypt(encrypt);
        return decrypted.ReceiveId.Length == 0
            ? JsonNode.Parse(decrypted.Message)!.AsObject()
            : throw new InvalidOperationException("Reply encrypted for a receiveid.");
    }

    /// <summary>The markdown (or text) content of a reply; empty when the bot said nothing.</summary>
    public static async Task<string> ContentAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length == 0)
        {
            return string.Empty;
        }

        var reply = OpenReply(body);
        var type = reply["msgtype"]!.GetValue<string>();
        return reply[type]!["content"]!.GetValue<string>();
    }

    private static string Encrypt(string plaintext, string receiveId) => new WeChatMessageCrypto(AesKey).Encrypt(plaintext, receiveId);
}
