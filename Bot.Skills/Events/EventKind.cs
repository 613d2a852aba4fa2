namespace Bot.Skills.Events;

/// <summary>The two ways cadres meet residents on a schedule.</summary>
public enum EventKind
{
    /// <summary>民情夜市: an evening a week per community.</summary>
    NightMarket,

    /// <summary>民意5来听: on the 5th, 15th and 25th cadres go down to compounds and businesses.</summary>
    VisitDay,
}

public static class EventKindNames
{
    public static string ChineseName(this EventKind kind) => kind == EventKind.NightMarket ? "民情夜市" : "民意5来听走访日";

    /// <summary>The ticket origin kept in the ledger (see Ticket.Origin).</summary>
    public static string Origin(this EventKind kind) => kind == EventKind.NightMarket ? "夜市" : "走访";

    public static string Code(this EventKind kind) => kind == EventKind.NightMarket ? "night_market" : "visit_day";

    public static EventKind? FromCode(string? code) => code switch
    {
        "night_market" or "夜市" or "民情夜市" => EventKind.NightMarket,
        "visit_day" or "走访" or "民意5来听" => EventKind.VisitDay,
        _ => null,
    };
}
