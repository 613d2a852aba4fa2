namespace Bot.Skills.Grid;

public static class RosterLookups
{
    /// <summary>
    /// The active person with this WeCom account (userids are case-insensitive), optionally of one role; a community
    /// roster is small enough to scan.
    /// </summary>
    public static async Task<Person?> FindActiveByWeComUserIdAsync(this IGridRoster roster, string weComUserId, GridRole? role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(weComUserId);
        var people = await roster.ListPeopleAsync(role, cancellationToken).ConfigureAwait(false);
        return people.FirstOrDefault(p => p.Active && string.Equals(p.WeComUserId, weComUserId.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
