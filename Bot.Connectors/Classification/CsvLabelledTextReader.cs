using System.Text;

namespace Bot.Connectors.Classification;

/// <summary>
/// Reads CSV files with a header naming the columns <c>id</c>, <c>text</c> and <c>label</c> (any order, extra
/// columns ignored), RFC 4180 quoting (quoted fields may hold commas, doubled quotes and newlines), UTF-8 with
/// or without a byte-order mark. Blank lines are skipped; any malformed row fails with its line number.
/// </summary>
public static class CsvLabelledTextReader
{
    public static async Task<IReadOnlyList<LabelledText>> ReadFileAsync(string path, CancellationToken ct = default)
    {
        // Whole file at once: evaluation sets are a few MB, and it keeps the parser synchronous and simple.
        var content = await File.ReadAllTextAsync(path, new UTF8Encoding(false), ct).ConfigureAwait(false);
        return Parse(content);
    }

    public static IReadOnlyList<LabelledText> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(reader.ReadToEnd());
    }

    public static IReadOnlyList<LabelledText> Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var records = new CsvRecordScanner(content.TrimStart('\uFEFF'));
        if (!records.TryNext(out var header, out _))
        {
            throw new LabelledTextFormatException(1, "the file is empty; expected a header 'id,text,label'");
        }

        var columns = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var (idColumn, textColumn, labelColumn) = (columns.IndexOf("id"), columns.IndexOf("text"), columns.IndexOf("label"));
        if (idColumn < 0 || textColumn < 0 || labelColumn < 0)
        {
            throw new LabelledTextFormatException(1, $"header '{string.Join(',', header)}' must name the columns id, text and label");
        }

        var rows = new List<LabelledText>();
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

            var (id, text, label) = (fields[idColumn].Trim(), fields[textColumn], fields[labelColumn].Trim());
            if (id.Length == 0 || label.Length == 0)
            {
                throw new LabelledTextFormatException(line, id.Length == 0 ? "the id is empty" : "the label is empty");
            }

            rows.Add(new LabelledText(id, text, label));
        }

        return rows;
    }
}
