namespace Bot.Connectors.WeChat.Api;

/// <summary>WeChat answered a call that cannot go on without its result (such as a token fetch) with an error code.</summary>
public sealed class WeChatApiException : Exception
{
    public WeChatApiException()
    {
    }

    public WeChatApiException(string message)
        : base(message)
    {
    }

    public WeChatApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WeChatApiException(int errCode, string errMsg)
        : base($"WeChat API error {errCode}: {errMsg}")
    {
        ErrCode = errCode;
        ErrMsg = errMsg;
    }

    public int ErrCode { get; }

    public string ErrMsg { get; } = string.Empty;
}
