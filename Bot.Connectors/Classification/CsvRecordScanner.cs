using System.Text;

namespace Bot.Connectors.Classification;

/// <summary>Splits RFC 4180 text into records, remembering the line each record starts on for error messages.</summary>
internal sealed class CsvRecordScanner(string content)
{
    private int position;
    private int line = 1;

    public bool TryNext(out List<string> fields, out int startLine)
    {
        fields = [];
        startLine = line;
        if (position >= content.Length)
        {
            return false;
        }

        var field = new StringBuilder();
        while (true)
        {
            if (position < content.Length && content[position] == '"')
            {
                ReadQuoted(field, startLine);
            }
            else
            {
                ReadUnquoted(field);
            }

            fields.Add(field.ToString());
            field.Clear();
            if (position >= content.Length)
            {
                return true;
            }

            var c = content[position++];
            if (c == ',')
            {
                continue;
            }

            // c is a line break: CRLF, LF or a lone CR all end the record.
            if (c == '\r' && position < content.Length && content[position] == '\n')
            {
                position++;
            }

            line++;
            return true;
        }
    }

    private void ReadUnquoted(StringBuilder field)
    {
        while (position < content.Length)
        {
            var c = content[position];
            if (c is ',' or '\r' or '\n')
            {
                return;
            }

            if (c == '"')
            {
                throw new LabelledTextFormatException(line, "a quote inside an unquoted field (quote the whole field and double the quote)");
            }

            field.Append(c);
            position++;
        }
    }

    private void ReadQuoted(StringBuilder field, int startLine)
    {
        position++; // opening quote
        while (true)
        {
            if (position >= content.Length)
            {
                throw new LabelledTextFormatException(startLine, "a quoted field is not closed before the end of the file");
            }

            var c = content[position++];
            if (c == '"')
            {
                if (position < content.Length && content[position] == '"')
                {
                    field.Append('"');
                    position++;
                    continue;
                }

                if (position < content.Length && content[position] is not (',' or '\r' or '\n'))
                {
                    throw new LabelledTextFormatException(line, "text after a closing quote (expected a comma or the end of the line)");
                }

                return;
            }

            if (c == '\n' || (c == '\r' && (position >= content.Length || content[position] != '\n')))
            {
                line++; // a line break inside the field still advances the file's line count
            }

            field.Append(c);
        }
    }
}
