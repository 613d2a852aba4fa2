using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Crypto;
using Bot.Connectors.WeCom.Callback;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeCom.AiBot;

/// <summary>
/// Everything behind <c>GET/POST /wecom/bot</c> except HTTP: configuration, msg_signature, replay window, the cipher
/// (same crypto as the app callback, with an empty receiveid), parsing, and the encrypted JSON reply.
/// </summary>
public sealed partial class WeComBotCallbackProcessor(
    IOptions<WeComBotOptions> options,
    IRandomSource random,
    WeComBotRunner runner,
    TimeProvider clock,
    ILogger<WeComBotCallbackProcessor> logger)
{
    private readonly Lazy<WeChatMessageCrypto?> _crypto = new(() =>
        options.Value.HasCallbackSettings ? new WeChatMessageCrypto(options.Value.EncodingAESKey, random) : null);

    public WeComCallbackResult VerifyUrl(WeComQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (CheckQuery(query, requireEcho: true) is { } refusal)
        {
            return refusal;
        }

        // A literal '+' in a query string is decoded to a space; base64 has no spaces, so they can only be '+'.
        return Open(query, query.EchoStr!.Replace(' ', '+'), out var plaintext) ?? WeComCallbackResult.Ok(plaintext!);
    }

    public WeComCallbackResult? CheckQuery(WeComQuery query, bool requireEcho = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        var settings = options.Value;
        if (!settings.HasCallbackSettings)
        {
            return Refuse(403, "WeCom:Bot:Token and WeCom:Bot:EncodingAESKey must be configured.");
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

    public async Task<WeComCallbackResult> ProcessAsync(WeComQuery query, string body, CancellationToken cancellationToken)
    {
        if (CheckQuery(query) is { } refusal)
        {
            return refusal;
        }

        WeComBotMessage message;
        try
        {
            var fields = WeComMessageMapper.JsonFields(body);
            if (!fields.TryGetValue("encrypt", out var encrypt) || encrypt.Length == 0)
            {
                return Refuse(400, "encrypt is missing.");
            }

            if (Open(query, encrypt, out var plaintext) is { } closed)
            {
                return closed;
            }

            message = WeComBotMessage.Parse(plaintext!);
        }
        catch (WeChatFormatException ex)
        {
            return Refuse(400, ex.Message);
        }

        var reply = await runner.RunAsync(message, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(reply))
        {
            return WeComCallbackResult.Ok(string.Empty);
        }

        var plain = WeComBotReply.Plaintext(reply, options.Value.ReplyFormat, message.MsgId);
        return WeComBotReply.Render(plain, _crypto.Value!, options.Value.Token, clock.GetUtcNow().ToUnixTimeSeconds());
    }

    private WeComCallbackResult? Open(WeComQuery query, string encrypt, out string? plaintext)
    {
        plaintext = null;
        if (!WeChatSignature.Matches(query.MsgSignature, options.Value.Token, query.Timestamp!, query.Nonce!, encrypt))
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

        // The AI bot's ciphers are made for no one in particular: anything else is another app's message.
        if (decrypted.ReceiveId.Length != 0)
        {
            return Refuse(400, "The receiveid inside the cipher must be empty for the AI bot.");
        }

        plaintext = decrypted.Message;
        return null;
    }

    private WeComCallbackResult Refuse(int status, string reason)
    {
        LogRefused(status, reason);
        return WeComCallbackResult.Refuse(status, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom AI-bot callback refused with {Status}: {Reason}")]
    private partial void LogRefused(int status, string reason);
}
