namespace Bot.Skills.Grid;

/// <summary>A person breaks a rule of the roster (a phone that is not 11 digits, a grid worker without a building).</summary>
public sealed class RosterValidationException : Exception
{
    public RosterValidationException()
    {
    }

    public RosterValidationException(string message)
        : base(message)
    {
    }

    public RosterValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
