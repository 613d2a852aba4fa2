using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Crypto;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeCom.Callback;

/// <summary>
/// Everything behind <c>GET/POST /wecom</c> except HTTP itself: the shared checks (<see cref="WeComCallbackGate"/>, with
/// the CorpId as receiveid), parsing, and the passive reply (dedupe and the reply budget: <see cref="WeComMessageRunner"/>).
/// </summary>
public sealed partial class WeComCallbackProcessor
{
    private readonly IOptions<WeComOptions> _options;
    private readonly WeComMessageRunner _runner;
    private readonly TimeProvider _clock;
    private readonly ILogger<WeComCallbackProcessor> _logger;
    private readonly WeComCallbackGate _gate;

    public WeComCallbackProcessor(IOptions<WeComOptions> options, IRandomSource random, WeComMessageRunner runner, TimeProvider clock, ILogger<WeComCallbackProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_options, _runner, _clock, _logger) = (options, runner, clock, logger);
        var settings = options.Value;
        _gate = new WeComCallbackGate(
            new WeComGateSettings(settings.HasCallbackSettings, settings.Token, settings.EncodingAESKey, settings.ReplayWindowSeconds, settings.CorpId,
                "WeCom:Token, WeCom:CorpId and WeCom:EncodingAESKey must be configured.", "The CorpId inside the cipher does not match WeCom:CorpId."),
            random, clock, LogRefused);
    }

    /// <summary>GET: the echostr is encrypted; answer its plaintext once signature and CorpId check out.</summary>
    public WeComCallbackResult VerifyUrl(WeComQuery query) => _gate.VerifyUrl(query);

    /// <summary>POST, before the body is read: configuration, parameters and the replay window.</summary>
    public WeComCallbackResult? CheckQuery(WeComQuery query, bool requireEcho = false) => _gate.CheckQuery(query, requireEcho);

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
            if (_gate.Open(query, envelope.Encrypt, out var plaintext) is { } closed)
            {
                return closed;
            }

            inbound = WeComMessageMapper.Parse(plaintext!, format, _options.Value.CorpId, _clock.GetUtcNow());
        }
        catch (WeChatFormatException ex)
        {
            return _gate.Refuse(400, ex.Message);
        }

        var reply = await _runner.RunAsync(inbound, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(reply)
            ? WeComCallbackResult.Ok(string.Empty)
            : WeComPassiveReply.Render(inbound, reply, format, _gate.Crypto, _options.Value, _clock.GetUtcNow().ToUnixTimeSeconds());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom callback refused with {Status}: {Reason}")]
    private partial void LogRefused(int status, string reason);
}
