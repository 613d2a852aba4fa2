using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Crypto;
using Bot.Connectors.WeChat.Xml;
using Microsoft.Extensions.Options;

namespace Bot.Host.WeChat;

/// <summary>
/// Checks a callback before anything is processed: configuration, signature, replay window, size, and in
/// safe mode the cipher and the app id inside it. Each failure is a 4xx with a short reason and no body echo.
/// </summary>
public sealed partial class WeChatCallbackHandler(
    IOptions<WeChatOptions> options,
    WeChatKeyRing keys,
    TimeProvider clock,
    ILogger<WeChatCallbackHandler> logger)
{
    /// <summary>GET: WeChat checks the server by sending an echostr that must be returned when signed.</summary>
    public IResult Verify(WeChatQuery query)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.Token))
        {
            return Refuse(StatusCodes.Status403Forbidden, "WeChat:Token is not configured.");
        }

        if (query.Signature is null || query.Timestamp is null || query.Nonce is null || query.EchoStr is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, "signature, timestamp, nonce and echostr are required.");
        }

        return WeChatSignature.Matches(query.Signature, settings.Token, query.Timestamp, query.Nonce)
            ? Results.Text(query.EchoStr, "text/plain")
            : Refuse(StatusCodes.Status401Unauthorized, "Bad signature.");
    }

    /// <summary>POST: returns the verified message XML and the key to encrypt the reply with, or a refusal.</summary>
    public async Task<VerifiedCallback> ReadAsync(HttpRequest request, WeChatQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.Token))
        {
            return Refused(StatusCodes.Status403Forbidden, "WeChat:Token is not configured.");
        }

        var signature = query.IsEncrypted ? query.MsgSignature : query.Signature;
        if (signature is null || query.Nonce is null || !query.TryGetTimestamp(out var timestamp))
        {
            return Refused(StatusCodes.Status400BadRequest, "signature (msg_signature in safe mode), timestamp and nonce are required.");
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (settings.ReplayWindowSeconds > 0 && Math.Abs(now - timestamp) > settings.ReplayWindowSeconds)
        {
            return Refused(StatusCodes.Status401Unauthorized, "Timestamp outside the replay window.");
        }

        if (!query.IsEncrypted && !WeChatSignature.Matches(signature, settings.Token, query.Timestamp!, query.Nonce))
        {
            return Refused(StatusCodes.Status401Unauthorized, "Bad signature.");
        }

        var body = await BoundedBody.ReadAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Refused(StatusCodes.Status413PayloadTooLarge, $"Body larger than {settings.MaxBodyBytes} bytes.");
        }

        try
        {
            var root = SafeXml.Parse(body);
            return query.IsEncrypted ? Decrypt(root, signature, query, settings) : new VerifiedCallback(root, null, null);
        }
        catch (WeChatFormatException ex)
        {
            return Refused(StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    private VerifiedCallback Decrypt(System.Xml.Linq.XElement envelope, string signature, WeChatQuery query, WeChatOptions settings)
    {
        // Compatible mode carries plaintext fields beside Encrypt; only the signed cipher is trusted.
        var encrypt = envelope.Element("Encrypt")?.Value;
        if (string.IsNullOrEmpty(encrypt))
        {
            return Refused(StatusCodes.Status400BadRequest, "Encrypt is missing.");
        }

        if (!WeChatSignature.Matches(signature, settings.Token, query.Timestamp!, query.Nonce!, encrypt))
        {
            return Refused(StatusCodes.Status401Unauthorized, "Bad msg_signature.");
        }

        if (!keys.HasKeys)
        {
            return Refused(StatusCodes.Status400BadRequest, "WeChat:EncodingAESKey is not configured.");
        }

        if (keys.TryDecrypt(encrypt) is not { } decrypted)
        {
            return Refused(StatusCodes.Status400BadRequest, "The cipher does not decrypt with the configured keys.");
        }

        if (!string.Equals(decrypted.Message.ReceiveId, settings.AppId, StringComparison.Ordinal))
        {
            return Refused(StatusCodes.Status400BadRequest, "The app id inside the cipher does not match WeChat:AppId.");
        }

        return new VerifiedCallback(SafeXml.Parse(decrypted.Message.Message), decrypted.Key, null);
    }

    private VerifiedCallback Refused(int status, string reason) => new(null, null, Refuse(status, reason));

    private IResult Refuse(int status, string reason)
    {
        LogRefused(status, reason);
        return Results.Problem(title: "微信回调被拒绝", detail: reason, statusCode: status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat callback refused with {Status}: {Reason}")]
    private partial void LogRefused(int status, string reason);
}

/// <summary>Either a verified message (and the key its reply must use, in safe mode) or the refusal to send.</summary>
public sealed record VerifiedCallback(System.Xml.Linq.XElement? Message, WeChatMessageCrypto? ReplyKey, IResult? Refusal);
