using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Bot.Connectors.WeChat.Crypto;
using Bot.Connectors.WeChat.Xml;

namespace Bot.Connectors.WeCom.Callback;

/// <summary>
/// A passive text reply, encrypted for the corp (receiveid = CorpId) and signed like WeChat safe mode,
/// in the format the callback came in.
/// </summary>
public static class WeComPassiveReply
{
    public static WeComCallbackResult Render(
        WeComInbound inbound, string text, WeComPayloadFormat format, WeChatMessageCrypto crypto, WeComOptions settings, long now)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(crypto);
        ArgumentNullException.ThrowIfNull(settings);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var timestamp = now.ToString(CultureInfo.InvariantCulture);
        if (format == WeComPayloadFormat.Xml)
        {
            var xml = WeChatReplyXml.Text(inbound.FromUserName, settings.CorpId, now, text);
            var encrypt = crypto.Encrypt(xml, settings.CorpId);
            var signature = WeChatSignature.Compute(settings.Token, timestamp, nonce, encrypt);
            return WeComCallbackResult.Ok(WeChatReplyXml.EncryptedEnvelope(encrypt, signature, now, nonce), "application/xml; charset=utf-8");
        }

        var inner = new JsonObject
        {
            ["ToUserName"] = inbound.FromUserName,
            ["FromUserName"] = settings.CorpId,
            ["CreateTime"] = now,
            ["MsgType"] = "text",
            ["Content"] = text,
        };
        var cipher = crypto.Encrypt(inner.ToJsonString(WeComJsonContext.Relaxed.Options), settings.CorpId);
        var outer = new JsonObject
        {
            ["encrypt"] = cipher,
            ["msgsignature"] = WeChatSignature.Compute(settings.Token, timestamp, nonce, cipher),
            ["timestamp"] = now,
            ["nonce"] = nonce,
        };
        return WeComCallbackResult.Ok(outer.ToJsonString(WeComJsonContext.Relaxed.Options), "application/json; charset=utf-8");
    }
}
