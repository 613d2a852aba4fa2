namespace Bot.Skills.Grid;

/// <summary>One roster row by names, as in the CSV; <see cref="Row"/> is its line for error messages.</summary>
public sealed record RosterEntry(
    int Row,
    string Name,
    GridRole Role,
    string? WeComUserId,
    string? Phone,
    DutyHours DutyHours,
    string? CompoundName,
    IReadOnlyList<string> BuildingNames,
    IReadOnlyList<string> Specialties);

/// <summary>What an import changed.</summary>
public sealed record RosterImportSummary(int CompoundsCreated, int BuildingsCreated, int PeopleCreated, int PeopleUpdated);

/// <summary>The summary of an import that was applied, or the row errors of one that was not.</summary>
public sealed record RosterImportResult(RosterImportSummary? Summary, IReadOnlyList<RosterRowError> Errors);

/// <summary>A row the import refused, numbered as a spreadsheet shows it (the header is row 1).</summary>
public sealed record RosterRowError(int Row, string Message);
