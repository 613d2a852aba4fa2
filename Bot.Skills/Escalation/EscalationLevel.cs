using Bot.Skills.Grid;

namespace Bot.Skills.Escalation;

/// <summary>Who answers for a ticket now; an SLA breach raises it one level (building → compound → community → department).</summary>
public enum EscalationLevel
{
    /// <summary>楼栋 — the building's grid worker.</summary>
    Building = 0,

    /// <summary>小区 — the compound's grid leader.</summary>
    Compound = 1,

    /// <summary>社区 — the community grid.</summary>
    Community = 2,

    /// <summary>部门 — a street department (街道吹哨、部门报到).</summary>
    Department = 3,
}

public static class EscalationLevels
{
    /// <summary>The level a person answers at; mediators count as the community, which calls them in.</summary>
    public static EscalationLevel For(GridRole role) => role switch
    {
        GridRole.GridWorker => EscalationLevel.Building,
        GridRole.GridLeader => EscalationLevel.Compound,
        GridRole.Department => EscalationLevel.Department,
        _ => EscalationLevel.Community,
    };

    /// <summary>How the history and the cards name the person at a level: "小区网格长 李四".</summary>
    public static string Title(EscalationLevel level) => level switch
    {
        EscalationLevel.Building => GridRole.GridWorker.ChineseName(),
        EscalationLevel.Compound => GridRole.GridLeader.ChineseName(),
        EscalationLevel.Community => GridRole.CommunityGrid.ChineseName(),
        _ => GridRole.Department.ChineseName(),
    };
}

/// <summary>Who a ticket is given to, at which level, and when the SLA reminds and breaches.</summary>
/// <param name="RemindAt">When the assignee is reminded; null for no reminder.</param>
/// <param name="ResponseDue">When the first response is due; null for no SLA.</param>
public sealed record Assignment(long PersonId, EscalationLevel Level, DateTimeOffset? RemindAt, DateTimeOffset? ResponseDue);
