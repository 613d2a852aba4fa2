using System.Text;

namespace Bot.Skills.Knowledge;

/// <summary>
/// Turns text into the terms the index counts: character 1- and 2-grams, because Chinese has no spaces and a
/// word segmenter would need a dictionary we cannot ship offline. Full-width letters and digits become
/// half-width and Latin is lower-cased, so “ＡＢ１” and “ab1” meet; punctuation and a short list of question
/// fillers (怎么、什么、吗、我…) break runs, so “居住证怎么办” and “怎样办居住证” share their content terms only.
/// </summary>
internal static class KnowledgeText
{
    // Chosen so that no content word residents use for 办事 loses a character (会、有、个、下 are kept on purpose).
    private const string Fillers = "的了吗呢吧啊呀嘛么怎样咋什如何请问我你您们哪是要想能可以该就都也还";

    public static IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        var run = new StringBuilder();
        foreach (var raw in text)
        {
            var c = Normalize(raw);
            if (char.IsLetterOrDigit(c) && !Fillers.Contains(c, StringComparison.Ordinal))
            {
                run.Append(c);
            }
            else
            {
                Flush(run, terms);
            }
        }

        Flush(run, terms);
        return terms;
    }

    /// <summary>Only the 2-grams; a match on one of them is what tells a topic from a shared character.</summary>
    public static bool IsBigram(string term) => term.Length == 2;

    private static char Normalize(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }

        return char.ToLowerInvariant(c);
    }

    private static void Flush(StringBuilder run, List<string> terms)
    {
        for (var i = 0; i < run.Length; i++)
        {
            terms.Add(run[i].ToString());
            if (i + 1 < run.Length)
            {
                terms.Add(string.Concat(run[i], run[i + 1]));
            }
        }

        run.Clear();
    }
}
