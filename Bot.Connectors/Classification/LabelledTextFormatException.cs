namespace Bot.Connectors.Classification;

/// <summary>A labelled-text CSV that cannot be read; <see cref="LineNumber"/> is 1-based (the header is line 1).</summary>
public sealed class LabelledTextFormatException : FormatException
{
    public LabelledTextFormatException(int lineNumber, string problem)
        : base($"line {lineNumber}: {problem}")
    {
        LineNumber = lineNumber;
    }

    public int LineNumber { get; }
}
