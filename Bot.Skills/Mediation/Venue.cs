using Bot.Skills.Grid;

namespace Bot.Skills.Mediation;

/// <summary>
/// A room residents can book: the tea room for mediation, the council hall for 议事. Sessions start on the
/// slot grid of <see cref="SlotMinutes"/> and keep <see cref="BufferMinutes"/> free before the next one.
/// Id 0 means "new".
/// </summary>
public sealed record Venue(
    long Id,
    string Name,
    string Address,
    DutyHours OpeningHours,
    int Capacity,
    int SlotMinutes,
    int BufferMinutes,
    IReadOnlyList<DateOnly> ClosedDates,
    IReadOnlyList<SessionKind> Kinds,
    bool Active)
{
    public bool Hosts(SessionKind kind) => Kinds.Contains(kind);
}

/// <summary>A mediator's booking settings; who they are, their specialties and hours come from the roster.</summary>
public sealed record MediatorProfile(long PersonId, int DailyCap);
