using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Connectors.WeChat.Crypto;

/// <summary>
/// The WeChat / WeCom message encryption ("safe mode"): AES-256-CBC with IV = key[0..16),
/// over random(16) ‖ uint32 big-endian length ‖ message ‖ receiveid, PKCS#7-padded to 32-byte blocks.
/// Thread-safe: no state is shared between calls except the immutable key.
/// </summary>
public sealed class WeChatMessageCrypto
{
    public const int EncodingAesKeyLength = 43;

    private const int RandomLength = 16;
    private const int LengthFieldSize = 4;
    private const int HeaderLength = RandomLength + LengthFieldSize;

    // Strict UTF-8 so garbage from a wrong key is reported rather than turned into U+FFFD.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly IRandomSource _random;

    /// <param name="encodingAesKey">The 43-character EncodingAESKey from the WeChat/WeCom console.</param>
    /// <param name="random">Source of the 16 random prefix bytes; tests pass a fixed one.</param>
    /// <exception cref="ArgumentException">The key is not 43 characters of Base64 decoding to 32 bytes.</exception>
    public WeChatMessageCrypto(string encodingAesKey, IRandomSource? random = null)
    {
        _key = DecodeKey(encodingAesKey)
            ?? throw new ArgumentException("EncodingAESKey must be 43 Base64 characters decoding to 32 bytes.", nameof(encodingAesKey));
        _iv = _key[..16];
        _random = random ?? SecureRandomSource.Instance;
    }

    /// <summary>Builds a crypto for a configured key, or returns false when the key is missing or invalid.</summary>
    public static bool TryCreate(string? key, [NotNullWhen(true)] out WeChatMessageCrypto? crypto)
    {
        crypto = DecodeKey(key) is null ? null : new WeChatMessageCrypto(key!);
        return crypto is not null;
    }

    /// <summary>Encrypts <paramref name="plaintext"/> for <paramref name="receiveId"/>; returns Base64.</summary>
    public string Encrypt(string plaintext, string receiveId)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(receiveId);

        var messageLength = Encoding.UTF8.GetByteCount(plaintext);
        var contentLength = HeaderLength + messageLength + Encoding.UTF8.GetByteCount(receiveId);
        var pad = Block32Padding.PadLength(contentLength);
        var buffer = new byte[contentLength + pad];

        _random.Fill(buffer.AsSpan(0, RandomLength));
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(RandomLength), (uint)messageLength);
        var written = Encoding.UTF8.GetBytes(plaintext, buffer.AsSpan(HeaderLength));
        Encoding.UTF8.GetBytes(receiveId, buffer.AsSpan(HeaderLength + written));
        buffer.AsSpan(contentLength).Fill((byte)pad);

        using var aes = CreateAes();
        return Convert.ToBase64String(aes.EncryptCbc(buffer, _iv, PaddingMode.None));
    }

    /// <summary>Decrypts a Base64 payload (an <c>Encrypt</c> field or an <c>echostr</c>).</summary>
    /// <exception cref="WeChatCryptoException">The payload is malformed, tampered or for another key.</exception>
    public DecryptedMessage Decrypt(string encryptedBase64)
    {
        if (string.IsNullOrEmpty(encryptedBase64))
        {
            throw new WeChatCryptoException("Encrypted payload is empty.");
        }

        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encryptedBase64);
        }
        catch (FormatException ex)
        {
            throw new WeChatCryptoException("Encrypted payload is not valid Base64.", ex);
        }

        if (cipher.Length == 0 || cipher.Length % 16 != 0)
        {
            throw new WeChatCryptoException($"Cipher length {cipher.Length} is not a positive multiple of the AES block size.");
        }

        byte[] plain;
        try
        {
            using var aes = CreateAes();
            plain = aes.DecryptCbc(cipher, _iv, PaddingMode.None);
        }
        catch (CryptographicException ex)
        {
            throw new WeChatCryptoException("AES decryption failed.", ex);
        }

        var contentLength = plain.Length - Block32Padding.Validate(plain);
        if (contentLength < HeaderLength)
        {
            throw new WeChatCryptoException("Decrypted payload is shorter than its header.");
        }

        var messageLength = BinaryPrimitives.ReadUInt32BigEndian(plain.AsSpan(RandomLength));
        if (messageLength > (uint)(contentLength - HeaderLength))
        {
            throw new WeChatCryptoException("Message length field is out of range.");
        }

        try
        {
            var message = StrictUtf8.GetString(plain, HeaderLength, (int)messageLength);
            var receiveIdStart = HeaderLength + (int)messageLength;
            var receiveId = StrictUtf8.GetString(plain, receiveIdStart, contentLength - receiveIdStart);
            return new DecryptedMessage(message, receiveId);
        }
        catch (ArgumentException ex) // DecoderFallbackException: bytes are not UTF-8
        {
            throw new WeChatCryptoException("Decrypted payload is not valid UTF-8.", ex);
        }
    }

    private static byte[]? DecodeKey(string? encodingAesKey)
    {
        if (encodingAesKey is null || encodingAesKey.Length != EncodingAesKeyLength)
        {
            return null;
        }

        var key = new byte[32];
        return Convert.TryFromBase64String(encodingAesKey + "=", key, out var written) && written == key.Length ? key : null;
    }

    // A fresh Aes per call: instances are not documented as thread-safe, and this one object is shared
    // by every request. The one-shot EncryptCbc/DecryptCbc calls need no ICryptoTransform.
    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }
}
