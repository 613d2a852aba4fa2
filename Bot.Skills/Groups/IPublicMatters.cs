namespace Bot.Skills.Groups;

/// <summary>A ticket staff marked public, as a group may see it: a title staff wrote, never the resident's words.</summary>
public sealed record PublicMatter(string Title, string StateName, DateTimeOffset UpdatedAt, bool Done);

/// <summary>Public matters (e.g. a broken street lamp) that groups may ask about.</summary>
public interface IPublicMatters
{
    /// <summary>Public matters of the group's place whose titles share words with <paramref name="text"/>, best first.</summary>
    Task<IReadOnlyList<PublicMatter>> SearchAsync(GroupContext group, string text, int max, CancellationToken cancellationToken);
}
