namespace Bot.Skills.Grid;

/// <summary>楼栋: a building of a compound, e.g. 幸福里小区 3栋. Id 0 means "not stored yet".</summary>
public sealed record Building(long Id, long CompoundId, string Name);
