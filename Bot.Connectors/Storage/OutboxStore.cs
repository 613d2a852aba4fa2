using System.Text.Json;
using Bot.Skills.Engine;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage;

public sealed partial class OutboxStore(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock) : IOutboxStore
{
    public Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var leaseUntil = now + (long)lease.TotalMilliseconds;
        if (!gate.Serialises)
        {
            return ClaimSkippingLockedAsync(max, now, leaseUntil, cancellationToken);
        }

        return gate.RunAsync<IReadOnlyList<OutboxItem>>(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // Due rows, or rows whose sender died mid-send (lease lapsed), whose resident has no older row waiting.
            var due = await db.Outbox
                .Where(m => (m.Status == OutboxStatus.Pending && m.NextAttemptAtMs <= now)
                    || (m.Status == OutboxStatus.Sending && m.LeaseUntilMs < now))
                .Where(m => !db.Outbox.Any(o => o.Channel == m.Channel && o.UserId == m.UserId && o.Id < m.Id
                    && (o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending)))
                .OrderBy(m => m.Id)
                .Take(max)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in due)
            {
                row.Status = OutboxStatus.Sending;
                row.LeaseUntilMs = leaseUntil;
                row.Attempts++;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return due.Select(ToItem).ToList();
        }, cancellationToken);
    }

    public Task<long> EnqueueAsync(ResidentKey resident, Reply reply, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var payload = JsonSerializer.Serialize(reply, StorageJson.Options);
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var row = new OutboxMessage
            {
                Channel = resident.Channel,
                UserId = resident.UserId,
                Payload = payload,
                Status = OutboxStatus.Pending,
                CreatedAtMs = now,
                NextAttemptAtMs = now,
            };
            db.Outbox.Add(row);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return row.Id;
        }, cancellationToken);
    }

    public Task MarkSentAsync(long id, CancellationToken cancellationToken) =>
        UpdateAsync(id, row =>
        {
            row.Status = OutboxStatus.Sent;
            row.SentAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
            row.LastError = null;
        }, cancellationToken);

    public Task MarkRetryAsync(long id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        UpdateAsync(id, row =>
        {
            row.Status = OutboxStatus.Pending;
            row.NextAttemptAtMs = nextAttemptAt.ToUnixTimeMilliseconds();
            row.LastError = error;
        }, cancellationToken);

    public Task MarkDeferredAsync(long id, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(id, row =>
        {
            row.Status = OutboxStatus.Deferred;
            row.LastError = reason;
        }, cancellationToken);

    public Task MarkFailedAsync(long id, string error, CancellationToken cancellationToken) =>
        UpdateAsync(id, row =>
        {
            row.Status = OutboxStatus.Failed;
            row.LastError = error;
        }, cancellationToken);


    public async Task<IReadOnlyList<OutboxItem>> ListDeliveredAfterAsync(ResidentKey resident, long afterId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Outbox.AsNoTracking()
            .Where(m => m.Channel == resident.Channel && m.UserId == resident.UserId && m.Id > afterId
                && (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending))
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ToItem).ToList();
    }

    public async Task<long> LatestIdAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Outbox
            .Where(m => m.Channel == resident.Channel && m.UserId == resident.UserId)
            .MaxAsync(m => (long?)m.Id, cancellationToken).ConfigureAwait(false) ?? 0;
    }

    public async Task<ConversationWindow> GetWindowAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var lastInbound = await db.Inbox
            .Where(m => m.Channel == resident.Channel && m.UserId == resident.UserId)
            .MaxAsync(m => (long?)m.ReceivedAtMs, cancellationToken).ConfigureAwait(false);
        if (lastInbound is null)
        {
            return new ConversationWindow(null, 0);
        }

        var sent = await db.Outbox.CountAsync(
            m => m.Channel == resident.Channel && m.UserId == resident.UserId && m.Status == OutboxStatus.Sent && m.SentAtMs > lastInbound,
            cancellationToken).ConfigureAwait(false);
        return new ConversationWindow(DateTimeOffset.FromUnixTimeMilliseconds(lastInbound.Value), sent);
    }

    private Task UpdateAsync(long id, Action<OutboxMessage> change, CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var row = await db.Outbox.SingleAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false);
            change(row);
            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private static OutboxItem ToItem(OutboxMessage row) => new(
        row.Id,
        new ResidentKey(row.Channel, row.UserId),
        JsonSerializer.Deserialize<Reply>(row.Payload, StorageJson.Options)!,
        row.Attempts,
        DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs),
        Unprompted: row.InboxId is null);
}
