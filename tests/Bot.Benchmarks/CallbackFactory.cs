using System.Globalization;
using System.Text;
using Bot.Connectors.WeChat.Crypto;

namespace Bot.Benchmarks;

/// <summary>
/// Builds safe-mode text callbacks exactly as WeChat's servers do (encrypt_type=aes, msg_signature), with the
/// bot's own crypto code. Callback <c>i</c> comes from resident <c>i mod residents</c> and carries MsgId
/// <c>base + i</c>, so every delivery is new and concurrent requests rarely share a resident's turn queue.
/// A non-zero <paramref name="generation"/> gives other residents and other MsgIds, for a phase that must
/// start with no conversation state of an earlier one.
/// </summary>
public sealed class CallbackFactory(int residents, int generation = 0)
{
    public const string Token = "benchtoken";
    public const string AppId = "wxbench0000000001";
    public const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    /// <summary>"你好" routes to the greeting skill: the cheapest turn, so the figure is the platform's cost.</summary>
    public const string Content = "你好";

    private const string Nonce = "1372623149";
    private const long MsgIdBase = 8_000_000_000_000_000;

    /// <summary>MsgIds of one generation; far more than any run sends.</summary>
    private const long MsgIdsPerGeneration = 1_000_000_000_000;

    private readonly WeChatMessageCrypto _crypto = new(AesKey);

    public SignedCallback Build(long index, DateTimeOffset now)
    {
        var openId = OpenId(index % residents);
        var createTime = now.ToUnixTimeSeconds();
        var xml =
            $"<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>" +
            $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{Content}]]></Content>" +
            $"<MsgId>{MsgIdBase + (generation * MsgIdsPerGeneration) + index}</MsgId></xml>";
        var encrypt = _crypto.Encrypt(xml, AppId);
        var timestamp = createTime.ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute(Token, timestamp, Nonce);
        var msgSignature = WeChatSignature.Compute(Token, timestamp, Nonce, encrypt);
        var body = $"<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        var url = $"/wechat?signature={signature}&timestamp={timestamp}&nonce={Nonce}&openid={openId}&encrypt_type=aes&msg_signature={msgSignature}";
        return new SignedCallback(url, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>The WeChat OpenID of resident <paramref name="resident"/> (28 characters, like a real one).</summary>
    public string OpenId(long resident) =>
        "obench" + generation.ToString("D2", CultureInfo.InvariantCulture) + resident.ToString("D20", CultureInfo.InvariantCulture);
}
