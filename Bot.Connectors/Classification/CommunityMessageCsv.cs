using Bot.Skills.Complaints;

namespace Bot.Connectors.Classification;

/// <summary>One row of the community training set: a resident's message with its category and colour codes.</summary>
internal sealed record CommunityMessage(string Id, string Text, string Category, Colour Colour);

/// <summary>
/// Reads the community training set: header naming <c>id</c>, <c>text</c>, <c>category</c> and <c>colour</c>
/// (any order, extra columns ignored), same CSV dialect as <see cref="CsvLabelledTextReader"/>. Category and colour
/// must be contract codes, so a typo fails here with its line number instead of becoming a thirteenth category.
/// </summary>
internal static class CommunityMessageCsv
{
    public static IReadOnlyList<CommunityMessage> Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var records = new CsvRecordScanner(content.TrimStart('\uFEFF'));
        if (!records.TryNext(out var header, out _))
        {
            throw new LabelledTextFormatException(1, "the file is empty; expected a header 'id,text,category,colour'");
        }

        var columns = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int[] at = [columns.IndexOf("id"), columns.IndexOf("text"), columns.IndexOf("category"), columns.IndexOf("colour")];
        if (at.Any(i => i < 0))
        {
            throw new LabelledTextFormatException(1, $"header '{string.Join(',', header)}' must name the columns id, text, category and colour");
        }

        var rows = new List<CommunityMessage>();
        while (records.TryNext(out var fields, out var line))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // blank line
            }

            if (fields.Count != header.Count)
            {
                throw new LabelledTextFormatException(line, $"expected {header.Count} fields but found {fields.Count}");
            }

            rows.Add(ToMessage(fields[at[0]].Trim(), fields[at[1]], fields[at[2]].Trim(), fields[at[3]].Trim(), line));
        }

        return rows;
    }

    private static CommunityMessage ToMessage(string id, string text, string category, string colourCode, int line)
    {
        if (id.Length == 0 || string.IsNullOrWhiteSpace(text))
        {
            throw new LabelledTextFormatException(line, id.Length == 0 ? "the id is empty" : "the text is empty");
        }

        if (!ComplaintCategories.IsKnown(category))
        {
            throw new LabelledTextFormatException(line, $"category '{category}' is not one of {string.Join(", ", ComplaintCategories.All)}");
        }

        if (!Colours.TryParse(colourCode, out var colour))
        {
            throw new LabelledTextFormatException(line, $"colour '{colourCode}' is not one of red, orange, yellow, green");
        }

        return new CommunityMessage(id, text, category, colour);
    }
}
