namespace Bot.Skills.Complaints.Ledger;

/// <summary>A ticket's place in the ledger: 受理 → 派单 → 处置 → 反馈 → 回访 → 办结, plus 退回 and 升级.</summary>
public enum TicketState
{
    /// <summary>受理 — 问题入账: filed from the resident's message.</summary>
    Accepted = 0,

    /// <summary>派单 — sent to the grid worker or department.</summary>
    Dispatched = 1,

    /// <summary>处置 — someone is working on it.</summary>
    InProgress = 2,

    /// <summary>反馈 — the handler reports it resolved.</summary>
    Resolved = 3,

    /// <summary>回访 — the resident is asked for a rating.</summary>
    FollowUp = 4,

    /// <summary>办结 — 解决销账: closed.</summary>
    Closed = 5,

    /// <summary>退回 — sent back (wrong grid, not the community's matter, more information needed).</summary>
    Returned = 6,

    /// <summary>升级 — raised one level (building → compound → community → department).</summary>
    Escalated = 7,
}

public static class TicketStates
{
    public static string ChineseName(this TicketState state) => state switch
    {
        TicketState.Accepted => "已受理",
        TicketState.Dispatched => "已派单",
        TicketState.InProgress => "处置中",
        TicketState.Resolved => "已反馈",
        TicketState.FollowUp => "回访中",
        TicketState.Closed => "已办结",
        TicketState.Returned => "已退回",
        TicketState.Escalated => "已升级",
        _ => state.ToString(),
    };

    public static bool IsOpen(this TicketState state) => state != TicketState.Closed;
}
