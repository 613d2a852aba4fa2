namespace Bot.Connectors.Storage.Grid;

/// <summary>A compound as stored; names are unique so a roster can refer to them.</summary>
public sealed class CompoundRow
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public string? Address { get; set; }

    public long UpdatedAtMs { get; set; }
}

public sealed class BuildingRow
{
    public long Id { get; set; }

    public long CompoundId { get; set; }

    public required string Name { get; set; }

    public long UpdatedAtMs { get; set; }
}

public sealed class PersonRow
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public int Role { get; set; }

    public string? WeComUserId { get; set; }

    public string? Phone { get; set; }

    /// <summary>The duty time as written; parsed again on read, so the text is what staff see.</summary>
    public required string DutyHours { get; set; }

    public long? CompoundId { get; set; }

    /// <summary>Newline-separated, like a ticket's photos.</summary>
    public string Specialties { get; set; } = string.Empty;

    public bool Active { get; set; }

    public long UpdatedAtMs { get; set; }
}

/// <summary>Which buildings a grid worker looks after.</summary>
public sealed class PersonBuildingRow
{
    public long PersonId { get; set; }

    public long BuildingId { get; set; }
}

/// <summary>Where a resident said they live; one row per resident, overwritten when they move.</summary>
public sealed class ResidentBuildingRow
{
    public required string Channel { get; set; }

    public required string UserId { get; set; }

    public long BuildingId { get; set; }

    public long BoundAtMs { get; set; }
}
