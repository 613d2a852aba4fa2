namespace Bot.Skills.Grid;

/// <summary>小区: a residential estate inside the community. Id 0 means "not stored yet".</summary>
public sealed record Compound(long Id, string Name, string? Address);
