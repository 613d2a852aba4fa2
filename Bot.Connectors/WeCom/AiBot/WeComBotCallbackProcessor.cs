using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Crypto;
using Bot.Connectors.WeCom.Callback;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeCom.AiBot;

/// <summary>
/// Everything behind <c>GET/POST /wecom/bot</c> except HTTP: the shared checks (<see cref="WeComCallbackGate"/>, with an
/// empty receiveid — the AI bot's ciphers are made for no one in particular), parsing, and the encrypted JSON reply.
/// </summary>
public sealed partial class WeComBotCallbackProcessor
{
    private readonly IOptions<WeComBotOptions> _options;
    private readonly WeComBotRunner _runner;
    private readonly TimeProvider _clock;
    private readonly ILogger<WeComBotCallbackProcessor> _logger;
    private readonly WeComCallbackGate _gate;

    public WeComBotCallbackProcessor(IOptions<WeComBotOptions> options, IRandomSource random, WeComBotRunner runner, TimeProvider clock, ILogger<WeComBotCallbackProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_options, _runner, _clock, _logger) = (options, runner, clock, logger);
        var settings = options.Value;
        _gate = new WeComCallbackGate(
            new WeComGateSettings(settings.HasCallbackSettings, settings.Token, settings.EncodingAESKey, settings.ReplayWindowSeconds, string.Empty,
                "WeCom:Bot:Token and WeCom:Bot:EncodingAESKey must be configured.", "The receiveid inside the cipher must be empty for the AI bot."),
            random, clock, LogRefused);
    }

    public WeComCallbackResult VerifyUrl(WeComQuery query) => _gate.VerifyUrl(query);

    public WeComCallbackResult? CheckQuery(WeComQuery query, bool requireEcho = false) => _gate.CheckQuery(query, requireEcho);

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
                return _gate.Refuse(400, "encrypt is missing.");
            }

            if (_gate.Open(query, encrypt, out var plaintext) is { } closed)
            {
                return closed;
            }

            message = WeComBotMessage.Parse(plaintext!);
        }
        catch (WeChatFormatException ex)
        {
            return _gate.Refuse(400, ex.Message);
        }

        var reply = await _runner.RunAsync(message, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(reply))
        {
            return WeComCallbackResult.Ok(string.Empty);
        }

        var plain = WeComBotReply.Plaintext(reply, _options.Value.ReplyFormat, message.MsgId);
        return WeComBotReply.Render(plain, _gate.Crypto, _options.Value.Token, _clock.GetUtcNow().ToUnixTimeSeconds());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom AI-bot callback refused with {Status}: {Reason}")]
    private partial void LogRefused(int status, string reason);
}
