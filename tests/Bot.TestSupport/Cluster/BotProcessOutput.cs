namespace Bot.TestSupport.Cluster;

/// <summary>The last lines a host process wrote, kept in a bounded queue: a long run must not fill the test's memory.</summary>
internal sealed class BotProcessOutput
{
    private const int LinesKept = 400;

    private readonly Queue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > LinesKept)
            {
                _lines.Dequeue();
            }
        }
    }

    public string Tail(int count)
    {
        lock (_lines)
        {
            return string.Join(Environment.NewLine, _lines.Skip(Math.Max(0, _lines.Count - count)));
        }
    }
}
