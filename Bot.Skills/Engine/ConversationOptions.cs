using System.ComponentModel.DataAnnotations;

namespace Bot.Skills.Engine;

public sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>Minutes of silence after which a resident's conversation starts afresh.</summary>
    [Range(1, 7 * 24 * 60)]
    public int StateTtlMinutes { get; set; } = 60;

    public TimeSpan StateTimeToLive => TimeSpan.FromMinutes(StateTtlMinutes);
}
