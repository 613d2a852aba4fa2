namespace Bot.Skills.Scheduling;

/// <summary>The answer to a typed time: the slot starting then, and if it does not fit, the nearest free ones that day.</summary>
/// <param name="Requested">The session that would start at the typed time.</param>
/// <param name="Problem">Why it does not fit; <see cref="SlotProblem.None"/> when it does.</param>
/// <param name="Nearest">When it does not fit: free slots the same day, nearest to the typed time, in time order.</param>
public sealed record SlotOffer(TimeSlot Requested, SlotProblem Problem, IReadOnlyList<TimeSlot> Nearest)
{
    public bool Fits => Problem == SlotProblem.None;
}
