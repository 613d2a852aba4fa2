namespace Bot.Connectors.WeChat;

/// <summary>A callback body was malformed or missing required fields; the endpoint answers 400.</summary>
public sealed class WeChatFormatException : Exception
{
    public WeChatFormatException(string message)
        : base(message)
    {
    }

    public WeChatFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
