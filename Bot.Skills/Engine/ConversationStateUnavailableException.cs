namespace Bot.Skills.Engine;

/// <summary>
/// The conversation state store cannot be reached. State cannot be invented (a fresh one would forget a
/// half-filed complaint), so the turn must not run now: the intake leaves the message unprocessed to be
/// re-run later, as on shutdown, and the resident gets no apology.
/// </summary>
public sealed class ConversationStateUnavailableException : Exception
{
    public ConversationStateUnavailableException()
        : base("The conversation state store is unavailable.")
    {
    }

    public ConversationStateUnavailableException(string message)
        : base(message)
    {
    }

    public ConversationStateUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
