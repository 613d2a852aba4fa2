namespace Bot.Connectors.Storage.Tickets;

/// <summary>A ticket as stored; times are Unix milliseconds so both SQLite and PostgreSQL compare them.</summary>
public sealed class TicketRow
{
    public long Id { get; set; }

    public required string Number { get; set; }

    public required string Channel { get; set; }

    public required string UserId { get; set; }

    public required string Category { get; set; }

    public int Colour { get; set; }

    public required string Department { get; set; }

    public required string Text { get; set; }

    public string? Place { get; set; }

    public string? Since { get; set; }

    public string? Grid { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>Media ids of photos, newline-separated.</summary>
    public string Photos { get; set; } = string.Empty;

    public int State { get; set; }

    public required string Origin { get; set; }

    public required string Reasons { get; set; }

    public long CreatedAtMs { get; set; }

    public long UpdatedAtMs { get; set; }

    public int? Rating { get; set; }

    public string? RatingComment { get; set; }

    /// <summary>The roster person it is dispatched to (its id, not its name: names change and repeat).</summary>
    public long? AssigneeId { get; set; }

    /// <summary>The escalation level (Bot.Skills EscalationLevel).</summary>
    public int Level { get; set; }

    public long? RemindAtMs { get; set; }

    public long? ResponseDueAtMs { get; set; }

    public long? RemindedAtMs { get; set; }

    public long? RespondedAtMs { get; set; }

    public long? BreachedAtMs { get; set; }

    /// <summary>Staff marked the matter public: groups may ask about it (by <see cref="PublicTitle"/> only).</summary>
    public bool Public { get; set; }

    /// <summary>What groups see of a public ticket, written by staff; never the resident's own words.</summary>
    public string? PublicTitle { get; set; }
}

public sealed class TicketHistoryRow
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public long AtMs { get; set; }

    public required string Actor { get; set; }

    public int? FromState { get; set; }

    public int ToState { get; set; }

    public required string Note { get; set; }
}

/// <summary>The last number issued per year; updated in the same transaction that files the ticket.</summary>
public sealed class TicketCounter
{
    public int Year { get; set; }

    public int Last { get; set; }
}
