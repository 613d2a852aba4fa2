using System.Globalization;
using Bot.Connectors.WeChat.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeCom.Api;

/// <summary>
/// Typed HTTP client for WeCom: paces sends per member and per robot, retries once with a fresh token when
/// the token was rejected, and backs off and retries when WeCom answers 45009 (too frequent).
/// </summary>
public sealed partial class WeComApiClient(
    HttpClient http,
    IWeComAccessTokenProvider tokens,
    WeComRateGates gates,
    IOptions<WeComOptions> options,
    ILogger<WeComApiClient> logger) : IWeComApiClient
{
    public const int RateLimited = 45009;

    /// <summary>Retries after 45009 before giving the error to the caller (whose outbox retries later).</summary>
    public const int MaxRateLimitRetries = 5;

    /// <summary>First 45009 backoff; doubled on each further one.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(2);

    /// <summary>invalid credential, invalid access_token, access_token expired.</summary>
    private static readonly int[] TokenErrors = [40001, 40014, 42001];

    public async Task<WeChatApiResult> SendAppMessageAsync(WeComAppMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = WeComMessageBodies.App(message, AgentId());
        var members = message.ToUsers.Distinct(StringComparer.Ordinal).ToList();
        return await PacedAsync(gates.AppMessages, members, async ct =>
        {
            try
            {
                var token = await tokens.GetTokenAsync(ct).ConfigureAwait(false);
                var result = await PostAppAsync(token, body, ct).ConfigureAwait(false);
                if (TokenErrors.Contains(result.ErrCode))
                {
                    LogTokenRejected(result.ErrCode);
                    token = await tokens.RefreshAsync(token, ct).ConfigureAwait(false);
                    result = await PostAppAsync(token, body, ct).ConfigureAwait(false);
                }

                return result;
            }
            catch (WeChatApiException ex)
            {
                // A refused token (wrong secret, IP not allowed) is an answer, not a network failure.
                return new WeChatApiResult(ex.ErrCode, ex.ErrMsg);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<WeChatApiResult> SendRobotMessageAsync(string webhookKey, RobotMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookKey);
        ArgumentNullException.ThrowIfNull(message);
        var body = WeComMessageBodies.Robot(message);
        var uri = new Uri($"{Root()}/cgi-bin/webhook/send?key={Uri.EscapeDataString(webhookKey)}");
        return PacedAsync(gates.Robots, [webhookKey], async ct =>
        {
            var json = WeComJsonContext.Relaxed;
            var answer = await WeChatHttp.PostAsync(http, uri, body, json.RobotMessageRequest, json.ApiResponse, ct).ConfigureAwait(false);
            return new WeChatApiResult(answer.ErrCode, answer.ErrMsg ?? string.Empty);
        }, cancellationToken);
    }

    private async Task<WeChatApiResult> PacedAsync(
        RateGate gate, IReadOnlyCollection<string> keys, Func<CancellationToken, Task<WeChatApiResult>> send, CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        for (var attempt = 0; ; attempt++)
        {
            await gate.WaitAsync(keys, cancellationToken).ConfigureAwait(false);
            var result = await send(cancellationToken).ConfigureAwait(false);
            if (result.ErrCode != RateLimited || attempt == MaxRateLimitRetries)
            {
                if (!result.Succeeded)
                {
                    LogSendFailed(result.ErrCode, result.ErrMsg);
                }

                return result;
            }

            // Our own pacing missed a limit WeCom keeps (per app, per corp): hold the keys back and queue again.
            LogRateLimited(backoff.TotalSeconds);
            gate.Defer(keys, backoff);
            backoff *= 2;
        }
    }

    private async Task<WeChatApiResult> PostAppAsync(string token, AppMessageRequest body, CancellationToken cancellationToken)
    {
        var uri = new Uri($"{Root()}/cgi-bin/message/send?access_token={Uri.EscapeDataString(token)}");
        var json = WeComJsonContext.Relaxed;
        var answer = await WeChatHttp.PostAsync(http, uri, body, json.AppMessageRequest, json.ApiResponse, cancellationToken).ConfigureAwait(false);
        return new WeChatApiResult(answer.ErrCode, answer.ErrMsg ?? string.Empty);
    }

    private int AgentId() =>
        int.TryParse(options.Value.AgentId, NumberStyles.None, CultureInfo.InvariantCulture, out var agentId)
            ? agentId
            : throw new InvalidOperationException("WeCom:AgentId is needed to send app messages.");

    private string Root() => options.Value.ApiBaseUrl.TrimEnd('/');

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom rejected the access token ({ErrCode}); refreshing it and retrying once")]
    private partial void LogTokenRejected(int errCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom said 45009 (too frequent); retrying in {Seconds} s")]
    private partial void LogRateLimited(double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom refused a message: {ErrCode} {ErrMsg}")]
    private partial void LogSendFailed(int errCode, string errMsg);
}
