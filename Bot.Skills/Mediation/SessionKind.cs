namespace Bot.Skills.Mediation;

/// <summary>What a venue hosts: face-to-face mediation (睦邻茶室) or a council session (居民议事厅).</summary>
public enum SessionKind
{
    /// <summary>调解: a mediator meets the parties of a dispute.</summary>
    Mediation,

    /// <summary>议事: residents discuss a matter that concerns many households.</summary>
    Council,
}

public static class SessionKinds
{
    public static string ChineseName(this SessionKind kind) => kind == SessionKind.Mediation ? "调解" : "议事";

    public static string Code(this SessionKind kind) => kind == SessionKind.Mediation ? "mediation" : "council";

    public static bool TryParse(string? text, out SessionKind kind)
    {
        var t = text?.Trim() ?? string.Empty;
        (var ok, kind) = t switch
        {
            "调解" or "mediation" => (true, SessionKind.Mediation),
            "议事" or "council" => (true, SessionKind.Council),
            _ => (false, SessionKind.Mediation),
        };
        return ok;
    }
}
