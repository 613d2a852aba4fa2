namespace Bot.Skills.Grid;

/// <summary>The change would break a rule of the roster (a duplicate name or WeCom account, a building in another compound).</summary>
public sealed class RosterConflictException : Exception
{
    public RosterConflictException()
    {
    }

    public RosterConflictException(string message)
        : base(message)
    {
    }

    public RosterConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
