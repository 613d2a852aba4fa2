using Bot.Skills.Groups;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Groups;

/// <summary>The registered groups in the database.</summary>
public sealed class GroupRegistry(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock) : IGroupRegistry
{
    public async Task<GroupChat?> FindByChatIdAsync(string chatId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.GroupChats.AsNoTracking().SingleOrDefaultAsync(g => g.ChatId == chatId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToGroup(row);
    }

    public async Task<GroupChat?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.GroupChats.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToGroup(row);
    }

    public async Task<IReadOnlyList<GroupChat>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.GroupChats.AsNoTracking().OrderBy(g => g.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ToGroup).ToList();
    }

    public Task<GroupChat> UpsertAsync(GroupChat group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (await db.GroupChats.AnyAsync(g => g.ChatId == group.ChatId && g.Id != group.Id, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"群 {group.ChatId} 已登记。");
            }

            GroupChatRow row;
            if (group.Id == 0)
            {
                row = new GroupChatRow { ChatId = group.ChatId, Name = group.Name };
                db.GroupChats.Add(row);
            }
            else
            {
                row = await db.GroupChats.FindAsync([group.Id], cancellationToken).ConfigureAwait(false)
                    ?? throw new KeyNotFoundException($"没有群 {group.Id}。");
            }

            (row.ChatId, row.Name, row.Scope, row.CompoundId, row.BuildingId, row.WebhookKey, row.Active, row.UpdatedAtMs) =
                (group.ChatId, group.Name, (int)group.Scope, group.CompoundId, group.BuildingId, group.WebhookKey, group.Active, now);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return ToGroup(row);
        }, cancellationToken);
    }

    internal static GroupChat ToGroup(GroupChatRow row) =>
        new(row.Id, row.ChatId, row.Name, (GroupScopeKind)row.Scope, row.CompoundId, row.BuildingId, row.WebhookKey, row.Active);
}
