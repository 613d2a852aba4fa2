using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Crypto;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeCom.Callback;

/// <summary>
/// Everything behind <c>GET/POST /wecom</c> except HTTP itself: configuration, msg_signature, replay window,
/// cipher and CorpId checks, parsing, and the passive reply (dedupe and the reply budget: <see cref="WeComMessageRunner"/>). Each failure is a 4xx with a short reason.
/// </summary>
public sealed partial class WeComCallbackProcessor(
    IOptions<WeComOptions> options,
    IRandomSource random,
    WeComMessageRunner runner,
    TimeProvider clock,
    ILogger<WeComCallbackProcessor> logger)
{
    private readonly Lazy<WeChatMessageCrypto?> _crypto = new(() =>
        options.Value.HasCallbackSettings ? new WeChatMessageCrypto(options.Value.EncodingAESKey, random) : null);

    /// <summary>GET: the echostr is encrypted; answer its plaintext once signature and CorpId check out.</summary>
    public WeComCallbackResult VerifyUrl(WeComQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (CheckQuery(query, requireEcho: true) is { } refusal)
        {
            return refusal;
        }

        // A literal '+' in a query string is decoded to a space; base64 has no spaces, so they can only be '+'.
        var echo = query.EchoStr!.Replace(' ', '+');
        return Open(query, echo, out var plaintext) ?? WeComCallbackResult.Ok(plaintext!);
    }

    /// <summary>POST, before the body is read: configuration, parameters and the replay window.</summary>
    public WeComCallbackResult? CheckQuery(WeComQuery query, bool requireEcho = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        var settings = options.Value;
        if (!settings.HasCallbackSettings)
        {
            return Refuse(403, "WeCom:Token, WeCom:CorpId and WeCom:EncodingAESKey must be configured.");
        }

        if (query.MsgSignature is null || query.Nonce is null || !query.TryGetTimestamp(out var timestamp)
            || (requireEcho && string.IsNullOrEmpty(query.EchoStr)))
        {
            return Refuse(400, requireEcho ? "msg_signature, timestamp, nonce and echostr are required." : "msg_signature, timestamp and nonce are required.");
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        return settings.ReplayWindowSeconds > 0 && Math.Abs(now - timestamp) > settings.ReplayWindowSeconds
            ? Refuse(401, "Timestamp outside the replay window.")
            : null;
    }

    /// <summary>POST, with the body read within the size limit.</summary>
    public async Task<WeComCallbackResult> ProcessAsync(WeComQuery query, string body, CancellationToken cancellationToken)
    {
        if (CheckQuery(query) is { } refusal)
        {
            return refusal;
        }

        WeComInbound inbound;
        WeComPayloadFormat format;
        try
        {
            var envelope = WeComEnvelope.Parse(body);
            format = envelope.Format;
            if (Open(query, envelope.Encrypt, out var plaintext) is { } closed)
            {
                return closed;
            }

            inbound = WeComMessageMapper.Parse(plaintext!, format, options.Value.CorpId, clock.GetUtcNow());
        }
        catch (WeChatFormatException ex)
        {
            return Refuse(400, ex.Message);
        }

        var reply = await runner.RunAsync(inbound, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(reply)
            ? WeComCallbackResult.Ok(string.Empty)
            : WeComPassiveReply.Render(inbound, reply, format, _crypto.Value!, options.Value, clock.GetUtcNow().ToUnixTimeSeconds());
    }

    /// <summary>Checks msg_signature over the cipher, decrypts it and checks the CorpId inside.</summary>
    private WeComCallbackResult? Open(WeComQuery query, string encrypt, out string? plaintext)
    {
        plaintext = null;
        var settings = options.Value;
        if (!WeChatSignature.Matches(query.MsgSignature, settings.Token, query.Timestamp!, query.Nonce!, encrypt))
        {
            return Refuse(401, "Bad msg_signature.");
        }

        DecryptedMessage decrypted;
        try
        {
            decrypted = _crypto.Value!.Decrypt(encrypt);
        }
        catch (WeChatCryptoException ex)
        {
            return Refuse(400, ex.Message);
        }

        if (!string.Equals(decrypted.ReceiveId, settings.CorpId, StringComparison.Ordinal))
        {
            return Refuse(400, "The CorpId inside the cipher does not match WeCom:CorpId.");
        }

        plaintext = decrypted.Message;
        return null;
    }

    private WeComCallbackResult Refuse(int status, string reason)
    {
        LogRefused(status, reason);
        return WeComCallbackResult.Refuse(status, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom callback refused with {Status}: {Reason}")]
    private partial void LogRefused(int status, string reason);
}
