namespace Bot.Skills.Groups;

/// <summary>What a group chat speaks for: the whole community, one compound (小区) or one building (楼栋).</summary>
public enum GroupScopeKind
{
    Community = 0,
    Compound = 1,
    Building = 2,
}

/// <summary>
/// A WeCom group the bot serves, linked to a place by staff. Id 0 means "not stored yet".
/// </summary>
/// <param name="ChatId">WeCom's chatid, as the AI bot callback carries it.</param>
/// <param name="WebhookKey">The group robot's key (群机器人 webhook), or null when notices cannot be posted there.</param>
public sealed record GroupChat(
    long Id,
    string ChatId,
    string Name,
    GroupScopeKind Scope,
    long? CompoundId,
    long? BuildingId,
    string? WebhookKey,
    bool Active);

/// <summary>
/// The place a group question is about, with names resolved from the roster. A group nobody registered speaks
/// for the whole community.
/// </summary>
public sealed record GroupContext(
    string ChatId,
    GroupScopeKind Scope,
    string ScopeName,
    long? CompoundId,
    string? CompoundName,
    long? BuildingId,
    string? BuildingName);

/// <summary>One question asked in a group, with the @-mention already removed.</summary>
/// <param name="UserId">The asker's WeCom userid; never put into a group reply.</param>
public sealed record GroupQuestion(GroupContext Group, string UserId, string Text, DateTimeOffset AskedAt);
