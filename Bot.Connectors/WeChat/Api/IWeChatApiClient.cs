using Bot.Skills.Engine;

namespace Bot.Connectors.WeChat.Api;

/// <summary>Outbound calls to the Official Account API.</summary>
public interface IWeChatApiClient
{
    /// <summary>
    /// Sends a customer-service message. WeChat error codes come back in the result (45047 quota, 45015
    /// outside the 48-hour window, or the token endpoint's code such as 40125 when no token could be had);
    /// transport failures throw <see cref="HttpRequestException"/> or <see cref="TaskCanceledException"/>
    /// so the caller can retry later.
    /// </summary>
    Task<WeChatApiResult> SendCustomMessageAsync(string openId, Reply reply, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a template message (模板消息): allowed outside the 48-hour window, for notices the resident asked
    /// for. <paramref name="data"/> maps the template's field names (thing1, time2 …) to values. Errors as above.
    /// </summary>
    Task<WeChatApiResult> SendTemplateMessageAsync(
        string openId, string templateId, IReadOnlyDictionary<string, string> data, string? url, CancellationToken cancellationToken);
}

public sealed record WeChatApiResult(int ErrCode, string ErrMsg)
{
    public bool Succeeded => ErrCode == 0;
}
