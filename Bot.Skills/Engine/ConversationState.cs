namespace Bot.Skills.Engine;

/// <summary>
/// What the bot remembers of one resident's conversation between turns. Serialised as JSON by the
/// state stores, so it stays a plain data class.
/// </summary>
public sealed class ConversationState
{
    public const int MaxRecentTurns = 10;

    /// <summary>The skill that asked the resident something and expects the next message.</summary>
    public string? ActiveSkill { get; set; }

    /// <summary>Values a skill has collected so far (place, time, …).</summary>
    public Dictionary<string, string> Slots { get; set; } = new(StringComparer.Ordinal);

    public List<TurnRecord> RecentTurns { get; set; } = [];

    /// <summary>Consecutive turns the bot did not understand; later issues offer a person after two.</summary>
    public int MisunderstoodInARow { get; set; }

    public GeoPoint? LastLocation { get; set; }

    /// <summary>
    /// Set when a live hand-off session opens during a turn, so the hand-off gate reads the session store only for
    /// residents who may have one. Sessions end outside turns, so it can be stale; the gate clears it.
    /// </summary>
    public bool InHandoff { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public void Remember(string who, string text, DateTimeOffset at)
    {
        RecentTurns.Add(new TurnRecord(who, text, at));
        if (RecentTurns.Count > MaxRecentTurns)
        {
            RecentTurns.RemoveRange(0, RecentTurns.Count - MaxRecentTurns);
        }
    }

    /// <summary>Ends the current skill's dialogue and forgets its slots.</summary>
    public void EndDialogue()
    {
        ActiveSkill = null;
        Slots.Clear();
    }
}

public sealed record TurnRecord(string Who, string Text, DateTimeOffset At);
