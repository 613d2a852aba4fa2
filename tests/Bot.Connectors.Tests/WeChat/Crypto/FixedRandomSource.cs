using System.Text;
using Bot.Connectors.WeChat.Crypto;

namespace Bot.Connectors.Tests.WeChat.Crypto;

/// <summary>Returns the same 16 ASCII bytes every time, as Tencent's samples do, so ciphertexts are deterministic.</summary>
internal sealed class FixedRandomSource(string ascii) : IRandomSource
{
    private readonly byte[] _bytes = Encoding.ASCII.GetBytes(ascii);

    public void Fill(Span<byte> buffer) => _bytes.AsSpan(0, buffer.Length).CopyTo(buffer);
}
