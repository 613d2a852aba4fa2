using System.Globalization;
using System.Security.Cryptography;
using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Crypto;
using Bot.Connectors.WeChat.Xml;
using Bot.Skills.Engine;
using Microsoft.Extensions.Options;

namespace Bot.Host.WeChat;

/// <summary>Turns a reply into the passive-reply XML, encrypted and signed when the request was.</summary>
public sealed class WeChatReplyRenderer(IOptions<WeChatOptions> options, TimeProvider clock)
{
    public string Render(Reply reply, string openId, string accountId, WeChatMessageCrypto? key)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var xml = reply.Kind == ReplyKind.News
            ? WeChatReplyXml.News(openId, accountId, now, reply.Articles)
            : WeChatReplyXml.Text(openId, accountId, now, reply.Text);
        if (key is null)
        {
            return xml;
        }

        var settings = options.Value;
        var encrypt = key.Encrypt(xml, settings.AppId);
        var timestamp = now.ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute(settings.Token, timestamp, nonce, encrypt);
        return WeChatReplyXml.EncryptedEnvelope(encrypt, signature, now, nonce);
    }
}
