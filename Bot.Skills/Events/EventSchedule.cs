namespace Bot.Skills.Events;

/// <summary>
/// A recurring session. A night market is a weekly rule (e.g. <c>0 0 19 ? * WED</c>); visit days are
/// <c>0 0 9 5,15,25 * ?</c>. Id 0 means "new".
/// </summary>
/// <param name="Cron">Quartz-style rule in China time, see <see cref="CronRule"/>.</param>
/// <param name="CompoundId">The compound it serves, or null for the whole community.</param>
/// <param name="HostIds">Roster people who host it; they receive the agenda.</param>
/// <param name="RobotKeys">Group robots (webhook keys) of the chats it is announced to.</param>
/// <param name="Visits">Visit days: who goes where.</param>
public sealed record EventSchedule(
    long Id,
    EventKind Kind,
    string Title,
    string Cron,
    int DurationMinutes,
    string Place,
    long? CompoundId,
    IReadOnlyList<long> HostIds,
    IReadOnlyList<string> RobotKeys,
    IReadOnlyList<VisitPlan> Visits,
    bool Active);

/// <summary>One cadre's round on a visit day: the compounds and businesses they go to.</summary>
public sealed record VisitPlan(long PersonId, IReadOnlyList<long> CompoundIds, IReadOnlyList<string> Places);

/// <summary>A single session cancelled or moved (rain, a holiday), with the reason residents are told.</summary>
/// <param name="OriginalStart">The start the rule gives; identifies the occurrence.</param>
public sealed record EventException(
    long Id,
    long ScheduleId,
    DateTimeOffset OriginalStart,
    bool Cancelled,
    DateTimeOffset? NewStart,
    DateTimeOffset? NewEnd,
    string? NewPlace,
    string Reason,
    DateTimeOffset CreatedAt);
