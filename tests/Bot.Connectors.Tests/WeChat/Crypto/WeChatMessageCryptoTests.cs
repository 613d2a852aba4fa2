using Bot.Connectors.WeChat.Crypto;

namespace Bot.Connectors.Tests.WeChat.Crypto;

public sealed class WeChatMessageCryptoTests
{
    private const string Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string OtherKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string AppId = "wx5823bf96d3bd56c7";

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2")] // 42 characters
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C=")] // 44 characters
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2*")] // not Base64
    public void Constructor_InvalidKey_ThrowsArgumentException(string key) =>
        Assert.Throws<ArgumentException>(() => new WeChatMessageCrypto(key));

    [Fact]
    public void TryCreate_ValidKey_ReturnsCrypto()
    {
        Assert.True(WeChatMessageCrypto.TryCreate(Key, out var crypto));
        Assert.NotNull(crypto);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-key")]
    public void TryCreate_MissingOrInvalidKey_ReturnsFalse(string? key)
    {
        Assert.False(WeChatMessageCrypto.TryCreate(key, out var crypto));
        Assert.Null(crypto);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("10.0.0.1 😀")]
    [InlineData("exactly-aligned")]
    public void EncryptDecrypt_AnyMessage_RoundTrips(string message)
    {
        var crypto = new WeChatMessageCrypto(Key);

        Assert.Equal(new DecryptedMessage(message, AppId), crypto.Decrypt(crypto.Encrypt(message, AppId)));
    }

    [Fact]
    public void Encrypt_LengthAlreadyMultipleOf32_AddsAFullPadBlock()
    {
        // 16 random + 4 length + 12 message = 32 with no receiveid: PKCS#7 then adds 32 bytes of 0x20.
        var crypto = new WeChatMessageCrypto(Key);

        var cipher = Convert.FromBase64String(crypto.Encrypt("twelve bytes", string.Empty));

        Assert.Equal(64, cipher.Length);
        Assert.Equal(new DecryptedMessage("twelve bytes", string.Empty), crypto.Decrypt(Convert.ToBase64String(cipher)));
    }

    [Fact]
    public void Encrypt_SameMessageTwice_UsesFreshRandomPrefix()
    {
        var crypto = new WeChatMessageCrypto(Key);

        Assert.NotEqual(crypto.Encrypt("hello", AppId), crypto.Encrypt("hello", AppId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=")]
    public void Decrypt_BadBase64_ThrowsWeChatCryptoException(string payload) =>
        Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(Key).Decrypt(payload));

    [Fact]
    public void Decrypt_Null_ThrowsWeChatCryptoException() =>
        Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(Key).Decrypt(null!));

    [Theory]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(33)]
    public void Decrypt_TruncatedCipher_ThrowsWeChatCryptoException(int keepBytes)
    {
        var crypto = new WeChatMessageCrypto(Key);
        var cipher = Convert.FromBase64String(crypto.Encrypt("a message long enough for several blocks of cipher", AppId));

        var truncated = Convert.ToBase64String(cipher.AsSpan(0, keepBytes));

        Assert.Throws<WeChatCryptoException>(() => crypto.Decrypt(truncated));
    }

    [Fact]
    public void Decrypt_TamperedLastBlock_ThrowsWeChatCryptoException()
    {
        var crypto = new WeChatMessageCrypto(Key);
        var cipher = Convert.FromBase64String(crypto.Encrypt("hello", AppId));

        // Flipping a bit in the next-to-last block garbles the last plaintext block, i.e. the padding.
        cipher[^17] ^= 0x01;
        cipher[^20] ^= 0x80;

        Assert.Throws<WeChatCryptoException>(() => crypto.Decrypt(Convert.ToBase64String(cipher)));
    }

    [Fact]
    public void Decrypt_WrongKey_ThrowsWeChatCryptoException()
    {
        var encrypted = new WeChatMessageCrypto(Key).Encrypt("hello", AppId);

        Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(OtherKey).Decrypt(encrypted));
    }

    [Fact]
    public void Decrypt_ManyRandomCiphers_OnlyEverThrowsWeChatCryptoException()
    {
        // Random blocks occasionally pass the padding check; the length check and strict UTF-8 must catch the rest.
        var crypto = new WeChatMessageCrypto(Key);
        var random = new Random(1234);
        var buffer = new byte[64];
        for (var i = 0; i < 2000; i++)
        {
            random.NextBytes(buffer);
            var payload = Convert.ToBase64String(buffer);
            try
            {
                crypto.Decrypt(payload);
            }
            catch (WeChatCryptoException)
            {
                // expected
            }
        }
    }

    [Fact]
    public void Decrypt_LengthFieldBeyondPayload_ThrowsWeChatCryptoException()
    {
        // Valid padding, but the length field claims more message bytes than the payload holds.
        var plain = new byte[64];
        plain[19] = 40; // 16 random + 4 length; 40 > 64 - 20 - 12 (pad)
        plain.AsSpan(52).Fill(12);

        Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(Key).Decrypt(EncryptRaw(plain)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(255)]
    public void Decrypt_PadByteOutOfRange_ThrowsWeChatCryptoException(byte pad)
    {
        var plain = new byte[64];
        plain[^1] = pad;

        Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(Key).Decrypt(EncryptRaw(plain)));
    }

    [Fact]
    public void Decrypt_InconsistentPadBytes_ThrowsWeChatCryptoException()
    {
        var plain = new byte[64];
        plain.AsSpan(40).Fill(24);
        plain[45] = 23;

        Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(Key).Decrypt(EncryptRaw(plain)));
    }

    [Fact]
    public void Decrypt_MessageNotUtf8_ThrowsWeChatCryptoException()
    {
        var plain = new byte[64];
        plain[19] = 2;
        plain[20] = 0xC3; // a lead byte followed by an invalid continuation byte
        plain[21] = 0x28;
        plain.AsSpan(32).Fill(32);

        Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto(Key).Decrypt(EncryptRaw(plain)));
    }

    /// <summary>Encrypts an already padded FullStr with the test key, bypassing the production encoder.</summary>
    private static string EncryptRaw(byte[] plain)
    {
        using var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = Convert.FromBase64String(Key + "=");
        return Convert.ToBase64String(aes.EncryptCbc(plain, aes.Key.AsSpan(0, 16), System.Security.Cryptography.PaddingMode.None));
    }
}
