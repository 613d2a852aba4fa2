namespace Bot.Skills.Dispatch;

/// <summary>What a grid worker can tell the bot in WeCom about a ticket.</summary>
public enum WorkerAction
{
    /// <summary>接单 — takes the ticket (处置).</summary>
    Accept,

    /// <summary>回复 — a message relayed to the resident.</summary>
    Reply,

    /// <summary>办结 — reports it resolved; the resident is asked for a rating.</summary>
    Resolve,

    /// <summary>退回 — not theirs, or not the community's matter.</summary>
    Return,

    /// <summary>升级 — needs the next level up.</summary>
    Escalate,

    /// <summary>结束 — ends a live hand-off session with a resident.</summary>
    EndSession,
}

/// <param name="TicketNumber">Null only for <see cref="WorkerAction.EndSession"/>.</param>
/// <param name="Text">The reply, note or reason; empty where the action takes none.</param>
public sealed record WorkerCommand(WorkerAction Action, string? TicketNumber, string Text);
