using Bot.Skills.Greeting;
using Bot.Skills.Grid;
using Bot.Skills.Groups;
using Microsoft.Extensions.Options;

namespace Bot.Host.Groups;

/// <summary>Which place a group speaks for, with the roster's names; unregistered groups speak for the community.</summary>
public sealed class GroupContextResolver(IGroupRegistry groups, IGridRoster roster, IOptions<CommunityOptions> community)
{
    public async Task<GroupContext> ResolveAsync(string chatId, CancellationToken cancellationToken)
    {
        var whole = new GroupContext(chatId, GroupScopeKind.Community, community.Value.Name, null, null, null, null);
        var group = await groups.FindByChatIdAsync(chatId, cancellationToken).ConfigureAwait(false);
        if (group is not { Active: true })
        {
            return whole;
        }

        var building = group.BuildingId is { } b ? await roster.GetBuildingAsync(b, cancellationToken).ConfigureAwait(false) : null;
        var compoundId = building?.CompoundId ?? group.CompoundId;
        var compound = compoundId is { } c ? await roster.GetCompoundAsync(c, cancellationToken).ConfigureAwait(false) : null;
        return group.Scope switch
        {
            GroupScopeKind.Building when building is not null && compound is not null =>
                new GroupContext(chatId, GroupScopeKind.Building, $"{compound.Name}{building.Name}", compound.Id, compound.Name, building.Id, building.Name),
            GroupScopeKind.Compound when compound is not null =>
                new GroupContext(chatId, GroupScopeKind.Compound, compound.Name, compound.Id, compound.Name, null, null),
            _ => whole,
        };
    }
}
