using System.Text.Json;
using Bot.Skills.Engine;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage;

/// <summary>The durable inbox: accepted messages, deduplicated by (channel, message key).</summary>
public sealed class InboxStore(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock) : IInboxStore, ITurnLedger
{
    public Task<long?> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = JsonSerializer.Serialize(message, StorageJson.Options);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

            // INSERT … ON CONFLICT DO NOTHING works in SQLite and PostgreSQL alike and costs no exception per retry.
            var ids = await db.Database.SqlQuery<long>($"""
                INSERT INTO inbox ("Channel", "UserId", "MessageKey", "Payload", "Status", "ReceivedAtMs")
                VALUES ({message.Channel}, {message.UserId}, {message.MessageKey}, {payload}, 0, {now})
                ON CONFLICT ("Channel", "MessageKey") DO NOTHING
                RETURNING "Id" AS "Value"
                """).ToListAsync(cancellationToken).ConfigureAwait(false);
            return ids.Count == 0 ? (long?)null : ids[0];
        }, cancellationToken);
    }

    public Task CompleteAsync(long inboxId, string intent, IReadOnlyList<OutboundRecord> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var inbox = await db.Inbox.SingleAsync(m => m.Id == inboxId, cancellationToken).ConfigureAwait(false);
            if (inbox.Status == InboxStatus.Processed)
            {
                return false;
            }

            inbox.Status = InboxStatus.Processed;
            inbox.Intent = intent;
            inbox.ProcessedAtMs = now;
            foreach (var reply in replies)
            {
                db.Outbox.Add(new OutboxMessage
                {
                    Channel = inbox.Channel,
                    UserId = inbox.UserId,
                    InboxId = inboxId,
                    Payload = JsonSerializer.Serialize(reply.Reply, StorageJson.Options),
                    Status = reply.Passive ? OutboxStatus.Passive : OutboxStatus.Pending,
                    CreatedAtMs = now,
                    NextAttemptAtMs = now,
                    SentAtMs = reply.Passive ? now : null,
                });
            }

            // The inbox row and its replies commit together: a crash leaves either both or neither.
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<AcceptedMessage>> ListUnprocessedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Inbox.AsNoTracking()
            .Where(m => m.Status == InboxStatus.Received)
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Payload })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new AcceptedMessage(r.Id, JsonSerializer.Deserialize<InboundMessage>(r.Payload, StorageJson.Options)!)).ToList();
    }

    public async Task<bool> IsCompletedAsync(string channel, string messageKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Inbox.AnyAsync(
            m => m.Channel == channel && m.MessageKey == messageKey && m.Status == InboxStatus.Processed,
            cancellationToken).ConfigureAwait(false);
    }
}
