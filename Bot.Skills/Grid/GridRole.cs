namespace Bot.Skills.Grid;

/// <summary>Who does what in the grid; the place-based roles form the escalation chain in this order.</summary>
public enum GridRole
{
    /// <summary>楼栋网格员: looks after one or more buildings.</summary>
    GridWorker,

    /// <summary>小区网格长: leads the grid workers of one compound.</summary>
    GridLeader,

    /// <summary>社区总网格: the community's grid, above every compound.</summary>
    CommunityGrid,

    /// <summary>调解员 / 社区评理员: chosen by specialty, not by place.</summary>
    Mediator,

    /// <summary>部门: called in by the street (街道吹哨、部门报到).</summary>
    Department,
}

/// <summary>The Chinese names staff write in rosters, and snake_case codes for the API.</summary>
public static class GridRoles
{
    private static readonly (GridRole Role, string Chinese, string Code)[] Names =
    [
        (GridRole.GridWorker, "楼栋网格员", "grid_worker"),
        (GridRole.GridLeader, "小区网格长", "grid_leader"),
        (GridRole.CommunityGrid, "社区总网格", "community_grid"),
        (GridRole.Mediator, "调解员", "mediator"),
        (GridRole.Department, "部门", "department"),
    ];

    public static string ChineseName(this GridRole role) => Names.Single(n => n.Role == role).Chinese;

    public static string Code(this GridRole role) => Names.Single(n => n.Role == role).Code;

    /// <summary>Accepts the Chinese name or the code, ignoring surrounding spaces and case.</summary>
    public static bool TryParse(string? text, out GridRole role)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        foreach (var name in Names)
        {
            if (trimmed == name.Chinese || string.Equals(trimmed, name.Code, StringComparison.OrdinalIgnoreCase))
            {
                role = name.Role;
                return true;
            }
        }

        role = default;
        return false;
    }

    /// <summary>For error messages: the roles a roster may use.</summary>
    public static string AllChineseNames => string.Join("/", Names.Select(n => n.Chinese));
}
