using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Bot.Connectors.WeChat.Crypto;
using Bot.Connectors.WeCom;

namespace Bot.Host.Tests.Infrastructure;

/// <summary>The V1/V8 app (token QDG6eK, corp wx5823bf96d3bd56c7) and callbacks signed the way WeCom signs them.</summary>
public sealed class WeComRequests(DateTimeOffset now)
{
    public const string Token = "QDG6eK";
    public const string AesKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string CorpId = "wx5823bf96d3bd56c7";

    public long Timestamp { get; set; } = now.ToUnixTimeSeconds();

    public string Nonce { get; set; } = "1372623149";

    /// <summary>Configures the host for the vector app; the vectors are from 2014, so the replay window is off by default.</summary>
    public static BotHostFactory Configure(BotHostFactory host, int replayWindowSeconds = 0) => host
        .With("WeCom:Token", Token).With("WeCom:CorpId", CorpId).With("WeCom:EncodingAESKey", AesKey)
        .With("WeCom:AgentId", "218").With("WeCom:ReplayWindowSeconds", replayWindowSeconds.ToString(CultureInfo.InvariantCulture));

    public static string TextXml(string userId, string content, long msgId) =>
        $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[{userId}]]></FromUserName>" +
        $"<CreateTime>1409659813</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>" +
        $"<MsgId>{msgId}</MsgId><AgentID>218</AgentID></xml>";

    /// <summary>An XML callback around <paramref name="inner"/>, encrypted for <paramref name="receiveId"/>.</summary>
    public HttpRequestMessage Xml(string inner, string receiveId = CorpId, string? signature = null) =>
        XmlEnvelope(Encrypt(inner, receiveId), signature);

    public HttpRequestMessage XmlEnvelope(string encrypt, string? signature = null)
    {
        var envelope = new XElement("xml",
            new XElement("ToUserName", new XCData(CorpId)), new XElement("Encrypt", new XCData(encrypt)), new XElement("AgentID", new XCData("218")));
        return Post(envelope.ToString(SaveOptions.DisableFormatting), "text/xml", signature ?? Sign(encrypt));
    }

    public HttpRequestMessage Json(string innerJson, string receiveId = CorpId)
    {
        var encrypt = Encrypt(innerJson, receiveId);
        var body = new JsonObject { ["tousername"] = CorpId, ["encrypt"] = encrypt, ["agentid"] = "218" };
        return Post(body.ToJsonString(), "application/json", Sign(encrypt));
    }

    public HttpRequestMessage Raw(string body, string contentType, string signedEncrypt) => Post(body, contentType, Sign(signedEncrypt));

    public static HttpRequestMessage Vector(string msgSignature, string timestamp, string nonce, string body, string contentType) =>
        new(HttpMethod.Post, $"/wecom?msg_signature={msgSignature}&timestamp={timestamp}&nonce={nonce}")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };

    /// <summary>Checks the reply's signature and decrypts it; the receiveid must be the corp.</summary>
    public static string OpenXmlReply(string replyXml)
    {
        var envelope = XElement.Parse(replyXml);
        return Open(envelope.Element("Encrypt")!.Value, envelope.Element("MsgSignature")!.Value,
            envelope.Element("TimeStamp")!.Value, envelope.Element("Nonce")!.Value);
    }

    public static string OpenJsonReply(string replyJson)
    {
        var envelope = JsonNode.Parse(replyJson)!;
        return Open(envelope["encrypt"]!.GetValue<string>(), envelope["msgsignature"]!.GetValue<string>(),
            envelope["timestamp"]!.ToJsonString(), envelope["nonce"]!.GetValue<string>());
    }

    private static string Open(string encrypt, string signature, string timestamp, string nonce)
    {
        if (WeChatSignature.Compute(Token, timestamp, nonce, encrypt) != signature)
        {
            throw new InvalidOperationException("The reply's signature does not verify.");
        }

        var decrypted = new WeChatMessageCrypto(AesKey).Decrypt(encrypt);
        return decrypted.ReceiveId == CorpId ? decrypted.Message : throw new InvalidOperationException("Reply encrypted for another receiveid.");
    }

    private static string Encrypt(string inner, string receiveId) => new WeChatMessageCrypto(AesKey).Encrypt(inner, receiveId);

    private string Sign(string encrypt) =>
        WeChatSignature.Compute(Token, Timestamp.ToString(CultureInfo.InvariantCulture), Nonce, encrypt);

    private HttpRequestMessage Post(string body, string contentType, string signature) =>
        new(HttpMethod.Post, $"/wecom?msg_signature={signature}&timestamp={Timestamp.ToString(CultureInfo.InvariantCulture)}&nonce={Nonce}")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
}

/// <summary>Records what reaches the handler and answers with a fixed text (or none).</summary>
public sealed class RecordingWeComHandler(string? reply = "收到") : IWeComMessageHandler
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<WeComInbound> _received = new();

    public IReadOnlyList<WeComInbound> Received => _received.ToList();

    public Task<string?> HandleAsync(WeComInbound inbound, CancellationToken cancellationToken)
    {
        _received.Enqueue(inbound);
        return Task.FromResult(reply);
    }
}
