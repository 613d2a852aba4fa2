using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Crypto;
using Microsoft.Extensions.Options;

namespace Bot.Host.WeChat;

/// <summary>
/// The current EncodingAESKey and, during a rotation, the previous one. A callback is decrypted with the
/// first key that works, and its reply is encrypted with that same key.
/// </summary>
public sealed class WeChatKeyRing
{
    private readonly WeChatMessageCrypto[] _keys;

    public WeChatKeyRing(IOptions<WeChatOptions> options, IRandomSource random)
    {
        var settings = options.Value;
        _keys = new[] { settings.EncodingAESKey, settings.PreviousEncodingAESKey }
            .Where(key => !string.IsNullOrWhiteSpace(key))
            .Select(key => new WeChatMessageCrypto(key, random))
            .ToArray();
    }

    public bool HasKeys => _keys.Length > 0;

    /// <returns>The plaintext and the key that decrypted it, or null when no key works.</returns>
    public (DecryptedMessage Message, WeChatMessageCrypto Key)? TryDecrypt(string encrypted)
    {
        foreach (var key in _keys)
        {
            try
            {
                return (key.Decrypt(encrypted), key);
            }
            catch (WeChatCryptoException)
            {
                // Try the previous key: the account may have rotated its key moments ago.
            }
        }

        return null;
    }
}
