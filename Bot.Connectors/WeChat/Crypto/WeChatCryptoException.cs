namespace Bot.Connectors.WeChat.Crypto;

/// <summary>An encrypted payload could not be decrypted: wrong key, tampered or malformed data.</summary>
public sealed class WeChatCryptoException : Exception
{
    public WeChatCryptoException(string message)
        : base(message)
    {
    }

    public WeChatCryptoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
