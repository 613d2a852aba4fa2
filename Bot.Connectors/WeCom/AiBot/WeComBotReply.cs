using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Bot.Connectors.WeCom.Callback;
using Bot.Connectors.WeChat.Crypto;

namespace Bot.Connectors.WeCom.AiBot;

/// <summary>
/// The passive reply of the AI bot: JSON <c>{"msgtype":"markdown","markdown":{"content"}}</c> (or text, or one
/// finished stream frame), encrypted with an empty receiveid and wrapped as <c>{"encrypt","msgsignature","timestamp","nonce"}</c>.
/// </summary>
public static class WeComBotReply
{
    public static string Plaintext(string content, string format, string messageId) => (format switch
    {
        "text" => new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = content } },
        "stream" => new JsonObject
        {
            ["msgtype"] = "stream",
            ["stream"] = new JsonObject { ["id"] = $"s-{messageId}", ["finish"] = true, ["content"] = content },
        },
        _ => new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = content } },
    }).ToJsonString(WeComJsonContext.Relaxed.Options);

    public static WeComCallbackResult Render(string plaintext, WeChatMessageCrypto crypto, string token, long now)
    {
        ArgumentNullException.ThrowIfNull(crypto);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var cipher = crypto.Encrypt(plaintext, string.Empty);
        var outer = new JsonObject
        {
            ["encrypt"] = cipher,
            ["msgsignature"] = WeChatSignature.Compute(token, now.ToString(CultureInfo.InvariantCulture), nonce, cipher),
            ["timestamp"] = now,
            ["nonce"] = nonce,
        };
        return WeComCallbackResult.Ok(outer.ToJsonString(WeComJsonContext.Relaxed.Options), "application/json; charset=utf-8");
    }
}
