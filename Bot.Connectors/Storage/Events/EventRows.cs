namespace Bot.Connectors.Storage.Events;

/// <summary>A schedule as stored; the small lists are JSON (they are read and written whole). Times are Unix ms.</summary>
public sealed class EventScheduleRow
{
    public long Id { get; set; }

    public int Kind { get; set; }

    public required string Title { get; set; }

    public required string Cron { get; set; }

    public int DurationMinutes { get; set; }

    public required string Place { get; set; }

    public long? CompoundId { get; set; }

    public string HostIdsJson { get; set; } = "[]";

    public string RobotKeysJson { get; set; } = "[]";

    public string VisitsJson { get; set; } = "[]";

    public bool Active { get; set; }

    public long UpdatedAtMs { get; set; }
}

/// <summary>One session cancelled or moved.</summary>
public sealed class EventExceptionRow
{
    public long Id { get; set; }

    public long ScheduleId { get; set; }

    public long OriginalStartMs { get; set; }

    public bool Cancelled { get; set; }

    public long? NewStartMs { get; set; }

    public long? NewEndMs { get; set; }

    public string? NewPlace { get; set; }

    public required string Reason { get; set; }

    public long CreatedAtMs { get; set; }
}

/// <summary>A resident's topic, home-visit request or subscription.</summary>
public sealed class EventRegistrationRow
{
    public long Id { get; set; }

    public long ScheduleId { get; set; }

    public string? OccurrenceId { get; set; }

    public long? OccurrenceStartMs { get; set; }

    public int Kind { get; set; }

    public required string Channel { get; set; }

    public required string UserId { get; set; }

    public required string Text { get; set; }

    public string? Category { get; set; }

    public bool Priority { get; set; }

    public string? TicketNumber { get; set; }

    public int State { get; set; }

    public string? Outcome { get; set; }

    public long CreatedAtMs { get; set; }

    public long UpdatedAtMs { get; set; }
}

/// <summary>A session's minutes; the occurrence id is the key, so they are recorded once.</summary>
public sealed class EventMinutesRow
{
    public required string OccurrenceId { get; set; }

    public long ScheduleId { get; set; }

    public required string Discussed { get; set; }

    public required string Decided { get; set; }

    public required string RecordedBy { get; set; }

    public long RecordedAtMs { get; set; }
}
