using System.Text.Json;
using Bot.Connectors.Grid;
using Bot.Connectors.Outbox;
using Bot.Skills.Engine;
using Bot.Skills.Groups;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Groups;

/// <summary>
/// Posts a notice to the chosen groups: one robot message per group through the outbox (channel
/// <see cref="OutboxGridAlerter.RobotChannel"/>, paced 20 a minute per robot and retried by the dispatcher). The
/// notice, its delivery rows and the outbox rows commit together, so a notice is queued for all its groups or none.
/// </summary>
public sealed class OutboxGroupNoticeBoard(
    IDbContextFactory<BotDbContext> contexts,
    DatabaseWriteGate gate,
    OutboxSignal signal,
    GroupReplyGuard guard,
    TimeProvider clock) : IGroupNoticeBoard
{
    public async Task<GroupNoticeRecord> PostAsync(string text, GroupTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("通知内容不能为空。", nameof(text));
        }

        if (guard.Findings(text) is { Count: > 0 } findings)
        {
            throw new ArgumentException($"群通知不能包含个人信息（{string.Join("、", findings)}）。", nameof(text));
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var payload = JsonSerializer.Serialize(Reply.FromText($"**【通知】**\n{text.Trim()}"), StorageJson.Options);
        var id = await gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var groups = await Targets(db, target).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (groups.Count == 0)
            {
                throw new KeyNotFoundException("没有符合条件的群。");
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var notice = new GroupNoticeRow { Text = text.Trim(), CreatedAtMs = now };
            db.GroupNotices.Add(notice);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            foreach (var group in groups)
            {
                OutboxMessage? message = null;
                if (!string.IsNullOrWhiteSpace(group.WebhookKey))
                {
                    message = new OutboxMessage
                    {
                        Channel = OutboxGridAlerter.RobotChannel, UserId = group.WebhookKey, Payload = payload,
                        Status = OutboxStatus.Pending, CreatedAtMs = now, NextAttemptAtMs = now,
                    };
                    db.Outbox.Add(message);
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }

                db.GroupNoticeDeliveries.Add(new GroupNoticeDeliveryRow { NoticeId = notice.Id, GroupId = group.Id, OutboxId = message?.Id });
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return notice.Id;
        }, cancellationToken).ConfigureAwait(false);
        signal.Notify();
        return (await LoadAsync([id], cancellationToken).ConfigureAwait(false))[0];
    }

    public async Task<IReadOnlyList<GroupNoticeRecord>> ListAsync(int max, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var ids = await db.GroupNotices.AsNoTracking().OrderByDescending(n => n.Id).Take(max).Select(n => n.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await LoadAsync(ids, cancellationToken).ConfigureAwait(false);
    }

    private static IQueryable<GroupChatRow> Targets(BotDbContext db, GroupTarget target)
    {
        var groups = db.GroupChats.Where(g => g.Active);
        if (target.GroupIds.Count > 0)
        {
            var ids = target.GroupIds.ToList();
            return groups.Where(g => ids.Contains(g.Id));
        }

        // A compound's notice reaches the compound's group and its buildings' groups.
        return target.BuildingId is { } building ? groups.Where(g => g.BuildingId == building)
            : target.CompoundId is { } compound ? groups.Where(g => g.CompoundId == compound)
            : groups;
    }

    private async Task<IReadOnlyList<GroupNoticeRecord>> LoadAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var notices = await db.GroupNotices.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var deliveries = await (
            from d in db.GroupNoticeDeliveries.AsNoTracking()
            where ids.Contains(d.NoticeId)
            join g in db.GroupChats.AsNoTracking() on d.GroupId equals g.Id
            join o in db.Outbox.AsNoTracking() on d.OutboxId equals (long?)o.Id into sent
            from o in sent.DefaultIfEmpty()
            orderby d.Id
            select new { d.NoticeId, d.GroupId, g.Name, d.OutboxId, Status = (OutboxStatus?)o.Status, Error = o.LastError })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byNotice = deliveries.ToLookup(d => d.NoticeId);
        return notices.OrderByDescending(n => n.Id).Select(n => new GroupNoticeRecord(
            n.Id, n.Text, DateTimeOffset.FromUnixTimeMilliseconds(n.CreatedAtMs),
            byNotice[n.Id].Select(d => new GroupDelivery(d.GroupId, d.Name, d.OutboxId, StatusName(d.Status), d.Error)).ToList())).ToList();
    }

    private static string StatusName(OutboxStatus? status) => status switch
    {
        null => "no_robot",
        OutboxStatus.Pending => "pending",
        OutboxStatus.Sending => "sending",
        OutboxStatus.Sent or OutboxStatus.Passive => "sent",
        OutboxStatus.Deferred => "deferred",
        _ => "failed",
    };
}
