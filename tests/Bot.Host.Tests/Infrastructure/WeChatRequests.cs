using System.Globalization;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Bot.Connectors.WeChat.Crypto;

namespace Bot.Host.Tests.Infrastructure;

/// <summary>Builds callbacks the way WeChat's servers do: plain, compatible and safe mode, correctly signed.</summary>
public sealed class WeChatRequests(DateTimeOffset now, string token = BotHostFactory.Token, string appId = BotHostFactory.AppId, string aesKey = BotHostFactory.AesKey)
{
    private static long _msgId = 7_000_000_000_000_000;

    public long Timestamp { get; set; } = now.ToUnixTimeSeconds();

    public string Nonce { get; set; } = "1372623149";

    public static long NextMsgId() => Interlocked.Increment(ref _msgId);

    public static string TextXml(string openId, string content, long msgId, long createTime = 1_700_000_000) =>
        $"<xml><ToUserName><![CDATA[gh_account]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId></xml>";

    public static string EventXml(string openId, string eventName, string? eventKey = null, long createTime = 1_700_000_000, string extra = "") =>
        $"<xml><ToUserName><![CDATA[gh_account]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>" +
        $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{eventName}]]></Event>" +
        (eventKey is null ? string.Empty : $"<EventKey><![CDATA[{SecurityElement.Escape(eventKey)}]]></EventKey>") + extra + "</xml>";

    public HttpRequestMessage Plain(string xml)
    {
        var ts = Timestamp.ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute(token, ts, Nonce);
        return Post($"/wechat?signature={signature}&timestamp={ts}&nonce={Nonce}&openid=o1", xml);
    }

    /// <param name="compatible">Also carry the plaintext fields beside Encrypt (兼容模式).</param>
    public HttpRequestMessage Safe(string xml, bool compatible = false, string? receiveId = null, string? key = null)
    {
        var encrypt = new WeChatMessageCrypto(key ?? aesKey).Encrypt(xml, receiveId ?? appId);
        var ts = Timestamp.ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute(token, ts, Nonce);
        var msgSignature = WeChatSignature.Compute(token, ts, Nonce, encrypt);
        var envelope = compatible
            ? XElement.Parse(xml)
            : new XElement("xml", new XElement("ToUserName", new XCData("gh_account")));
        envelope.Add(new XElement("Encrypt", new XCData(encrypt)));
        return Post($"/wechat?signature={signature}&timestamp={ts}&nonce={Nonce}&openid=o1&encrypt_type=aes&msg_signature={msgSignature}", envelope.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>Decrypts an encrypted passive reply after checking its signature.</summary>
    public static string OpenReply(string replyXml, string key = BotHostFactory.AesKey, string token = BotHostFactory.Token)
    {
        var envelope = XElement.Parse(replyXml);
        var encrypt = envelope.Element("Encrypt")!.Value;
        var signature = WeChatSignature.Compute(token, envelope.Element("TimeStamp")!.Value, envelope.Element("Nonce")!.Value, encrypt);
        if (signature != envelope.Element("MsgSignature")!.Value)
        {
            throw new InvalidOperationException("The reply's MsgSignature does not verify.");
        }

        return new WeChatMessageCrypto(key).Decrypt(encrypt).Message;
    }

    private static HttpRequestMessage Post(string url, string body) => new(HttpMethod.Post, url)
    {
        Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("text/xml")),
    };
}
