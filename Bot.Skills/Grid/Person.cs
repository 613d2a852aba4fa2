namespace Bot.Skills.Grid;

/// <summary>
/// Someone on the roster. Grid workers name their buildings (the compound follows from them); a grid
/// leader names a compound; the community grid, mediators and departments need neither. Id 0 means "new".
/// </summary>
public sealed record Person(
    long Id,
    string Name,
    GridRole Role,
    string? WeComUserId,
    string? Phone,
    DutyHours DutyHours,
    long? CompoundId,
    IReadOnlyList<long> BuildingIds,
    IReadOnlyList<string> Specialties,
    bool Active);
