namespace Bot.Connectors.WeChat.Crypto;

/// <summary>
/// PKCS#7 with a 32-byte block, as Tencent's samples use. Done by hand because .NET's PaddingMode.PKCS7
/// follows the AES block size and rejects pad bytes above 16 (the V1 vector pads with 30).
/// </summary>
internal static class Block32Padding
{
    public const int BlockSize = 32;

    /// <summary>Pad bytes to add after <paramref name="contentLength"/> bytes: 1..32, a full block when aligned.</summary>
    public static int PadLength(int contentLength) => BlockSize - (contentLength % BlockSize);

    /// <summary>Checks the padding and returns its length.</summary>
    /// <exception cref="WeChatCryptoException">The padding is invalid (wrong key or tampered data).</exception>
    public static int Validate(ReadOnlySpan<byte> plain)
    {
        if (plain.IsEmpty)
        {
            throw new WeChatCryptoException("Invalid padding.");
        }

        int pad = plain[^1];
        if (pad is < 1 or > BlockSize || pad > plain.Length)
        {
            throw new WeChatCryptoException("Invalid padding.");
        }

        // Every pad byte must equal the pad length; anything else means tampering or a wrong key.
        if (plain[^pad..].ContainsAnyExcept((byte)pad))
        {
            throw new WeChatCryptoException("Invalid padding.");
        }

        return pad;
    }
}
