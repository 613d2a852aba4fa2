namespace Bot.Skills.Complaints.Ledger;

/// <summary>The transitions the ledger allows; anything else is refused.</summary>
public static class TicketStateMachine
{
    private static readonly Dictionary<TicketState, TicketState[]> Allowed = new()
    {
        [TicketState.Accepted] = [TicketState.Dispatched, TicketState.InProgress, TicketState.Resolved, TicketState.Returned, TicketState.Escalated],
        [TicketState.Dispatched] = [TicketState.InProgress, TicketState.Resolved, TicketState.Returned, TicketState.Escalated],
        [TicketState.InProgress] = [TicketState.Resolved, TicketState.Returned, TicketState.Escalated],
        [TicketState.Resolved] = [TicketState.FollowUp, TicketState.InProgress],

        // A rating of 2 or less sends the ticket back to work for review.
        [TicketState.FollowUp] = [TicketState.Closed, TicketState.InProgress],

        // Returned: dispatched again to the right handler, or closed as not the community's matter.
        [TicketState.Returned] = [TicketState.Dispatched, TicketState.Escalated, TicketState.Closed],
        [TicketState.Escalated] = [TicketState.Dispatched, TicketState.InProgress, TicketState.Resolved, TicketState.Escalated],
        [TicketState.Closed] = [],
    };

    public static bool CanMove(TicketState from, TicketState to) => Allowed[from].Contains(to);

    public static IReadOnlyList<TicketState> NextStates(TicketState from) => Allowed[from];
}

/// <summary>Thrown for a transition the ledger does not allow; callers show the Chinese message.</summary>
public sealed class InvalidTicketTransitionException(TicketState from, TicketState to)
    : InvalidOperationException($"工单不能从“{from.ChineseName()}”变为“{to.ChineseName()}”。")
{
    public TicketState From { get; } = from;

    public TicketState To { get; } = to;
}
