namespace Bot.Skills.Engine;

/// <summary>Intent codes shared with the external contract.</summary>
public static class Intents
{
    public const string Greeting = "greeting";
    public const string CommunityInfo = "community_info";
    public const string Fallback = "fallback";

    /// <summary>A live session with a grid worker (转人工).</summary>
    public const string Handoff = "handoff";

    /// <summary>Turns the engine handles without a skill (events that need no answer).</summary>
    public const string None = "none";

    /// <summary>A delivery that was already processed.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The resident sent more messages per minute than <c>Intake:MaxMessagesPerMinute</c>; no skill ran.</summary>
    public const string RateLimited = "rate_limited";
}
