using System.Text;

namespace Bot.Connectors.Classification;

/// <summary>
/// Canonical form of a text before n-gram extraction, so that 'ＡＢＣ１２' typed on a phone's full-width
/// keyboard and 'abc12' share features. Whitespace is dropped because Chinese has no word spaces and
/// stray spaces would only break character n-grams apart.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string? text, bool foldDigits = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw;
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0); // full-width ASCII block maps 1:1 onto ASCII
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                continue; // also covers U+3000 ideographic space
            }

            if (c is >= 'A' and <= 'Z')
            {
                c = (char)(c + ('a' - 'A'));
            }
            else if (foldDigits && c is >= '0' and <= '9')
            {
                c = '0'; // numbers in titles are mostly house numbers and dates: the shape matters, not the value
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
