using System.Text.Json;
using Bot.Skills.Engine;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage;

public sealed class OutboxStore(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock) : IOutboxStore
{
    public Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var leaseUntil = now + (long)lease.TotalMilliseconds;
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
            if (!gate.Serialises)
            {
                due = await ClaimGuardedAsync(db, due, leaseUntil, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return due.Select(ToItem).ToList();
            }

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

    /// <summary>
    /// Writers run concurrently (PostgreSQL; several hosts): a row is claimed only if it is still as this host read
    /// it, so when two dispatchers pick the same due row the second one's guarded UPDATE finds it changed and skips it.
    /// </summary>
    private static async Task<List<OutboxMessage>> ClaimGuardedAsync(BotDbContext db, List<OutboxMessage> due, long leaseUntil, CancellationToken cancellationToken)
    {
        var claimed = new List<OutboxMessage>(due.Count);
        foreach (var row in due)
        {
            var (id, status, lease, attempts) = (row.Id, row.Status, row.LeaseUntilMs, row.Attempts);
            var changed = await db.Outbox
                .Where(m => m.Id == id && m.Status == status && m.LeaseUntilMs == lease && m.Attempts == attempts)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.LeaseUntilMs, leaseUntil)
                    .SetProperty(m => m.Attempts, attempts + 1), cancellationToken).ConfigureAwait(false);
            if (changed == 1)
            {
                (row.Status, row.LeaseUntilMs, row.Attempts) = (OutboxStatus.Sending, leaseUntil, attempts + 1);
                claimed.Add(row);
            }
        }

        return claimed;
    }
}
