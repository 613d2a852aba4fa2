using System.Text.Json.Serialization.Metadata;
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
    private const string TemplateSendPath = "/cgi-bin/message/template/send";

    public Task<WeChatApiResult> SendCustomMessageAsync(string openId, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(openId);
        ArgumentNullException.ThrowIfNull(reply);
        var body = BuildMessage(openId, reply);
        return SendAsync(CustomSendPath, body, WeChatJsonContext.Relaxed.CustomMessageRequest, cancellationToken);
    }

    public Task<WeChatApiResult> SendTemplateMessageAsync(
        string openId, string templateId, IReadOnlyDictionary<string, string> data, string? url, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(openId);
        ArgumentException.ThrowIfNullOrEmpty(templateId);
        ArgumentNullException.ThrowIfNull(data);
        var body = new TemplateMessageRequest(openId, templateId, string.IsNullOrEmpty(url) ? null : url,
            data.ToDictionary(d => d.Key, d => new TemplateValue(d.Value), StringComparer.Ordinal));
        return SendAsync(TemplateSendPath, body, WeChatJsonContext.Relaxed.TemplateMessageRequest, cancellationToken);
    }

    private async Task<WeChatApiResult> SendAsync<T>(string path, T body, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        WeChatApiResult result;
        try
        {
            var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            result = await PostAsync(path, token, body, type, cancellationToken).ConfigureAwait(false);
            if (TokenErrors.Contains(result.ErrCode))
            {
                // The token was replaced behind our back (another host force-refreshed, or it expired early).
                LogTokenRejected(result.ErrCode);
                token = await tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
                result = await PostAsync(path, token, body, type, cancellationToken).ConfigureAwait(false);
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

    private async Task<WeChatApiResult> PostAsync<T>(string path, string token, T body, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var uri = new Uri($"{options.Value.ApiBaseUrl.TrimEnd('/')}{path}?access_token={Uri.EscapeDataString(token)}");
        var answer = await WeChatHttp.PostAsync(http, uri, body, type, WeChatJsonContext.Relaxed.ApiResponse, cancellationToken)
            .ConfigureAwait(false);
        return new WeChatApiResult(answer.ErrCode, answer.ErrMsg ?? string.Empty);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WeChat rejected the access token ({ErrCode}); refreshing it and retrying once")]
    private partial void LogTokenRejected(int errCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeChat refused a message: {ErrCode} {ErrMsg}")]
    private partial void LogSendFailed(int errCode, string errMsg);
}
