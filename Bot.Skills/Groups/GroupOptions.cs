using System.ComponentModel.DataAnnotations;

namespace Bot.Skills.Groups;

/// <summary>How the bot behaves in group chats.</summary>
public sealed class GroupOptions
{
    public const string SectionName = "Groups";

    /// <summary>The Official Account residents are sent to for private matters; empty = Community:Name.</summary>
    public string OfficialAccountName { get; set; } = string.Empty;

    /// <summary>Group replies are cut to this many characters: a group is no place for long answers.</summary>
    [Range(60, 1000)]
    public int MaxReplyChars { get; set; } = 300;
}
