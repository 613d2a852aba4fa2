using System.Globalization;

namespace Bot.Host.WeChat;

/// <summary>The query string WeChat signs: signature, timestamp, nonce, and in safe mode msg_signature.</summary>
public sealed record WeChatQuery(string? Signature, string? Timestamp, string? Nonce, string? EncryptType, string? MsgSignature, string? EchoStr)
{
    public static WeChatQuery From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var q = request.Query;
        return new WeChatQuery(q["signature"], q["timestamp"], q["nonce"], q["encrypt_type"], q["msg_signature"], q["echostr"]);
    }

    public bool IsEncrypted => string.Equals(EncryptType, "aes", StringComparison.OrdinalIgnoreCase);

    public bool TryGetTimestamp(out long seconds) =>
        long.TryParse(Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
}
