namespace Bot.Skills.Engine;

/// <summary>A vertical slice of what the bot can do, selected by intent.</summary>
public interface ISkill
{
    /// <summary>The intent code this skill handles (see <see cref="Intents"/>).</summary>
    string Intent { get; }

    /// <summary>The line shown in the numbered menu, or null for skills that are not in the menu.</summary>
    string? MenuTitle { get; }

    /// <summary>Position in the menu; lower comes first.</summary>
    int MenuOrder { get; }

    Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken);
}
