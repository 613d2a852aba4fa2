using System.Security.Cryptography;

namespace Bot.Connectors.WeChat.Crypto;

/// <summary>Where the 16 random prefix bytes of an encrypted message come from; tests pin them.</summary>
public interface IRandomSource
{
    void Fill(Span<byte> buffer);
}

/// <summary>The production source: the OS cryptographic generator.</summary>
public sealed class SecureRandomSource : IRandomSource
{
    public static SecureRandomSource Instance { get; } = new();

    public void Fill(Span<byte> buffer) => RandomNumberGenerator.Fill(buffer);
}
