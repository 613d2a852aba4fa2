using System.Security.Cryptography;
using System.Text;

namespace Bot.Connectors.WeChat.Crypto;

/// <summary>
/// The callback signature WeChat and WeCom put on every request: sha1 (lower-case hex) of the parts
/// sorted ordinally and concatenated. With [token, timestamp, nonce] it is <c>signature</c>;
/// adding the Encrypt value gives <c>msg_signature</c>.
/// </summary>
public static class WeChatSignature
{
    public static string Compute(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sorted = (string[])parts.Clone();
        // Ordinal, not culture-aware: Tencent sorts by byte value and culture sorts differ on digits vs letters.
        Array.Sort(sorted, StringComparer.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(string.Concat(sorted));
        return Convert.ToHexStringLower(SHA1.HashData(bytes));
    }

    /// <summary>True when <paramref name="expected"/> is the signature of the parts (case-insensitive hex).</summary>
    public static bool Matches(string? expected, params string[] parts)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }

        var actual = Encoding.ASCII.GetBytes(Compute(parts));
        var given = Encoding.ASCII.GetBytes(expected.ToLowerInvariant());
        // Constant time so a caller cannot learn the signature byte by byte from response timing.
        return CryptographicOperations.FixedTimeEquals(actual, given);
    }
}
