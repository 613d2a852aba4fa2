using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Crypto;

namespace Bot.Connectors.WeCom.Callback;

/// <summary>
/// The checks every WeCom callback shares (the app's <c>/wecom</c> and the AI bot's <c>/wecom/bot</c>): settings
/// present, parameters, replay window, msg_signature over the cipher, decryption, and the receiveid inside it.
/// Each failure is a 4xx with a short reason, reported to the owner's log.
/// </summary>
public sealed class WeComCallbackGate
{
    private readonly WeComGateSettings _settings;
    private readonly TimeProvider _clock;
    private readonly Action<int, string> _onRefused;
    private readonly Lazy<WeChatMessageCrypto?> _crypto;

    public WeComCallbackGate(WeComGateSettings settings, IRandomSource random, TimeProvider clock, Action<int, string> onRefused)
    {
        ArgumentNullException.ThrowIfNull(settings);
        (_settings, _clock, _onRefused) = (settings, clock, onRefused);
        _crypto = new(() => settings.Configured ? new WeChatMessageCrypto(settings.EncodingAESKey, random) : null);
    }

    /// <summary>The cipher for replies; only valid once <see cref="CheckQuery"/> passed.</summary>
    public WeChatMessageCrypto Crypto => _crypto.Value!;

    /// <summary>GET: the echostr is encrypted; its plaintext is the answer once signature and receiveid check out.</summary>
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

    /// <summary>POST, before the body is read: configuration, parameters and the replay window.</summary>
    public WeComCallbackResult? CheckQuery(WeComQuery query, bool requireEcho = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!_settings.Configured)
        {
            return Refuse(403, _settings.MissingSettingsMessage);
        }

        if (query.MsgSignature is null || query.Nonce is null || !query.TryGetTimestamp(out var timestamp)
            || (requireEcho && string.IsNullOrEmpty(query.EchoStr)))
        {
            return Refuse(400, requireEcho ? "msg_signature, timestamp, nonce and echostr are required." : "msg_signature, timestamp and nonce are required.");
        }

        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        return _settings.ReplayWindowSeconds > 0 && Math.Abs(now - timestamp) > _settings.ReplayWindowSeconds
            ? Refuse(401, "Timestamp outside the replay window.")
            : null;
    }

    /// <summary>Checks msg_signature over the cipher, decrypts it and checks the receiveid inside.</summary>
    public WeComCallbackResult? Open(WeComQuery query, string encrypt, out string? plaintext)
    {
        ArgumentNullException.ThrowIfNull(query);
        plaintext = null;
        if (!WeChatSignature.Matches(query.MsgSignature, _settings.Token, query.Timestamp!, query.Nonce!, encrypt))
        {
            return Refuse(401, "Bad msg_signature.");
        }

        DecryptedMessage decrypted;
        try
        {
            decrypted = Crypto.Decrypt(encrypt);
        }
        catch (WeChatCryptoException ex)
        {
            return Refuse(400, ex.Message);
        }

        if (!string.Equals(decrypted.ReceiveId, _settings.ReceiveId, StringComparison.Ordinal))
        {
            return Refuse(400, _settings.ReceiveIdMismatchMessage);
        }

        plaintext = decrypted.Message;
        return null;
    }

    public WeComCallbackResult Refuse(int status, string reason)
    {
        _onRefused(status, reason);
        return WeComCallbackResult.Refuse(status, reason);
    }
}

/// <param name="ReceiveId">What the cipher must carry: the CorpId for the app, empty for the AI bot.</param>
public sealed record WeComGateSettings(
    bool Configured, string Token, string EncodingAESKey, int ReplayWindowSeconds, string ReceiveId, string MissingSettingsMessage, string ReceiveIdMismatchMessage);
