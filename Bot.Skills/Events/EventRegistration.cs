using Bot.Skills.Engine;

namespace Bot.Skills.Events;

public enum RegistrationKind
{
    /// <summary>A topic the resident wants to raise (an agenda item).</summary>
    Topic,

    /// <summary>A request for cadres to call at home on a visit day.</summary>
    HomeVisit,

    /// <summary>Announcements of every session of a schedule.</summary>
    Subscription,
}

public enum RegistrationState
{
    Active,
    Cancelled,

    /// <summary>Settled at the session; the resident was told the outcome.</summary>
    Resolved,

    /// <summary>Still open after the session: followed up as a ticket.</summary>
    Ticketed,
}

/// <summary>A resident's registration. Residents see and cancel only their own.</summary>
/// <param name="OccurrenceId">The session it is for; null for a subscription (every session of the schedule).</param>
/// <param name="Priority">Home visits: elderly or disabled residents go first.</param>
/// <param name="Category">Topics: the classifier's category, for grouping the agenda.</param>
public sealed record EventRegistration(
    long Id,
    long ScheduleId,
    string? OccurrenceId,
    DateTimeOffset? OccurrenceStart,
    RegistrationKind Kind,
    ResidentKey Resident,
    string Text,
    string? Category,
    bool Priority,
    string? TicketNumber,
    RegistrationState State,
    string? Outcome,
    DateTimeOffset CreatedAt);

/// <summary>What was discussed and decided at a session, recorded by its organiser.</summary>
public sealed record EventMinutes(string OccurrenceId, long ScheduleId, string Discussed, string Decided, string RecordedBy, DateTimeOffset RecordedAt);

public static class RegistrationNames
{
    public static string ChineseName(this RegistrationKind kind) => kind switch
    {
        RegistrationKind.Topic => "议题",
        RegistrationKind.HomeVisit => "上门走访",
        _ => "提醒订阅",
    };

    public static string ChineseName(this RegistrationState state) => state switch
    {
        RegistrationState.Active => "已登记",
        RegistrationState.Cancelled => "已取消",
        RegistrationState.Resolved => "已答复",
        _ => "已转工单",
    };
}
