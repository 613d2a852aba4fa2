using Bot.Skills.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeChat.Api;

/// <summary>Typed HTTP client for the Official Account API; retries once when the access token was rejected.</summary>
public sealed partial class WeChatApiClient(
    HttpClient http,
    IWeChatAccessTokenProvider tokens,
    IOptions<WeChatOptions> options,
    ILogger<WeChatApiClient> logger) : IWeChatApiClient
{
    /// <summary>invalid credential, invalid access_token, access_token expired.</summary>
    private static readonly int[] TokenErrors = [40001, 40014, 42001];

    private const string CustomSendPath = "/cgi-bin/message/custom/send";

    public async Task<WeChatApiResult> SendCustomMessageAsync(string openId, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(openId);
        ArgumentNullException.ThrowIfNull(reply);
        var body = BuildMessage(openId, reply);

        WeChatApiResult result;
        try
        {
            var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            result = await PostAsync(CustomSendPath, token, body, cancellationToken).ConfigureAwait(false);
            if (TokenErrors.Contains(result.ErrCode))
            {
                // The token was replaced behind our back (another host force-refreshed, or it expired early).
                LogTokenRejected(result.ErrCode);
                token = await tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
                result = await PostAsync(CustomSendPath, token, body, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (WeChatApiException ex)
        {
            // A refused token (wrong secret, IP not whitelisted, …) is a WeChat answer like any other, so the
            // caller gets its errcode instead of an exception it would mistake for a network failure.
            result = new WeChatApiResult(ex.ErrCode, ex.ErrMsg);
        }

        if (!result.Succeeded)
        {
            LogSendFailed(result.ErrCode, result.ErrMsg);
        }

        return result;
    }

    internal static CustomMessageRequest BuildMessage(string openId, Reply reply) => reply.Kind switch
    {
        ReplyKind.Text => new CustomMessageRequest(openId, "text", new CustomText(reply.Text), null),
        ReplyKind.News => new CustomMessageRequest(openId, "news", null, new CustomNews(
            reply.Articles.Select(a => new CustomArticle(a.Title, a.Description, a.Url, a.PictureUrl)).ToList())),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.Kind, "Unknown reply kind."),
    };

    private async Task<WeChatApiResult> PostAsync(string path, string token, CustomMessageRequest body, CancellationToken cancellationToken)
    {
        var uri = new Uri($"{options.Value.ApiBaseUrl.TrimEnd('/')}{path}?access_token={Uri.EscapeDataString(token)}");
        var json = WeChatJsonContext.Relaxed;
        var answer = await WeChatHttp.PostAsync(http, uri, body, json.CustomMessageRequest, json.ApiResponse, cancellationToken)
            .ConfigureAwait(false);
        return new WeChatApiResult(answer.ErrCode, answer.ErrMsg ?? string.Empty);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WeChat rejected the access token ({ErrCode}); refreshing it and retrying once")]
    private partial void LogTokenRejected(int errCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat refused a customer-service message: {ErrCode} {ErrMsg}")]
    private partial void LogSendFailed(int errCode, string errMsg);
}
