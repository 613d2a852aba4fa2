using Bot.Skills.Groups;

namespace Bot.Host.Endpoints;

/// <param name="Scope"><c>community</c>, <c>compound</c> or <c>building</c>.</param>
public sealed record GroupRequest(long? Id, string? ChatId, string? Name, string? Scope, long? CompoundId, long? BuildingId, string? WebhookKey, bool? Active);

/// <param name="WebhookKey">Masked: the key lets anyone post to the group.</param>
public sealed record GroupDto(long Id, string ChatId, string Name, string Scope, long? CompoundId, long? BuildingId, bool HasRobot, string? WebhookKey, bool Active)
{
    public static GroupDto From(GroupChat group) => new(
        group.Id, group.ChatId, group.Name, GroupScopes.Code(group.Scope), group.CompoundId, group.BuildingId,
        !string.IsNullOrEmpty(group.WebhookKey),
        group.WebhookKey is { Length: > 0 } key ? $"{key[..Math.Min(4, key.Length)]}***" : null,
        group.Active);
}

/// <summary>A notice for the groups of a place, or for the listed groups; neither = every group.</summary>
public sealed record GroupNoticeRequest(string? Text, IReadOnlyList<long>? GroupIds, long? CompoundId, long? BuildingId);

public sealed record PublicTicketRequest(bool? Public, string? Title);

public static class GroupScopes
{
    public static string Code(GroupScopeKind scope) => scope switch
    {
        GroupScopeKind.Compound => "compound",
        GroupScopeKind.Building => "building",
        _ => "community",
    };

    public static bool TryParse(string? code, out GroupScopeKind scope)
    {
        (var ok, scope) = code?.Trim().ToLowerInvariant() switch
        {
            null or "" or "community" or "社区" => (true, GroupScopeKind.Community),
            "compound" or "小区" => (true, GroupScopeKind.Compound),
            "building" or "楼栋" => (true, GroupScopeKind.Building),
            _ => (false, GroupScopeKind.Community),
        };
        return ok;
    }
}
