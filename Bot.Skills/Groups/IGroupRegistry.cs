namespace Bot.Skills.Groups;

/// <summary>The groups staff registered, with their place and robot.</summary>
public interface IGroupRegistry
{
    Task<GroupChat?> FindByChatIdAsync(string chatId, CancellationToken cancellationToken);

    Task<GroupChat?> GetAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<GroupChat>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates (Id 0) or replaces a group.</summary>
    /// <exception cref="KeyNotFoundException">No group with that id.</exception>
    /// <exception cref="InvalidOperationException">Another group has that chatid.</exception>
    Task<GroupChat> UpsertAsync(GroupChat group, CancellationToken cancellationToken);
}
