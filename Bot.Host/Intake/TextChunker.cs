using System.Text;

namespace Bot.Host.Intake;

/// <summary>Splits a long text into parts of at most a number of UTF-8 bytes, preferring line ends.</summary>
public static class TextChunker
{
    public static IReadOnlyList<string> Split(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 8);
        var parts = new List<string>();
        var rest = text.AsSpan();
        while (Encoding.UTF8.GetByteCount(rest) > maxBytes)
        {
            var cut = LongestPrefix(rest, maxBytes);
            var newline = rest[..cut].LastIndexOf('\n');
            if (newline > cut / 2)
            {
                cut = newline + 1; // Break after a line end unless that would leave a tiny part.
            }

            parts.Add(rest[..cut].TrimEnd('\n').ToString());
            rest = rest[cut..];
        }

        if (!rest.IsEmpty)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }

    /// <summary>The number of chars whose UTF-8 encoding fits, never splitting a surrogate pair.</summary>
    private static int LongestPrefix(ReadOnlySpan<char> text, int maxBytes)
    {
        var bytes = 0;
        var i = 0;
        while (i < text.Length)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.Slice(i, width));
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            i += width;
        }

        return i;
    }
}
