using Bot.Connectors.Cluster;
using System.Globalization;
using System.Text.Json;
using Bot.Skills.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Storage;

/// <summary>
/// The durable inbox: accepted messages, deduplicated by (channel, message key), each leased to the host that
/// accepted it until its turn is done (<see cref="InboxOptions"/>).
/// </summary>
public sealed partial class InboxStore(
    IDbContextFactory<BotDbContext> contexts,
    DatabaseWriteGate gate,
    InstanceIdentity instance,
    IOptions<InboxOptions> options,
    TimeProvider clock)
    : IInboxStore, ITurnLedger, IAsyncDisposable, IDisposable
{
    private readonly HotWriteConnection _writer = new(contexts, gate);

    public Task<Acceptance?> AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = JsonSerializer.Serialize(message, StorageJson.Options);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var leaseUntil = now + (long)options.Value.Lease.TotalMilliseconds;
        return _writer.RunAsync(async transaction =>
        {

            // INSERT … ON CONFLICT DO NOTHING works in SQLite and PostgreSQL alike and costs no exception per retry.
            object? id;
            await using (var insert = transaction.Command("""
                INSERT INTO inbox ("Channel", "UserId", "MessageKey", "Payload", "Status", "ReceivedAtMs", "OwnerId", "LeaseUntilMs")
                VALUES (@channel, @user, @key, @payload, 0, @now, @owner, @lease)
                ON CONFLICT ("Channel", "MessageKey") DO NOTHING
                RETURNING "Id"
                """).With("@channel", message.Channel).With("@user", message.UserId).With("@key", message.MessageKey)
                .With("@payload", payload).With("@now", now).With("@owner", instance.Id).With("@lease", leaseUntil))
            {
                id = await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }

            if (id is null or DBNull)
            {
                return (Acceptance?)null; // A retry: nothing was written.
            }

            // The resident is in touch again: replies held back by quota or the 48-hour window may go now.
            // Same transaction as the insert, so a deferred row is re-armed exactly when a new message is stored;
            // the (Channel, UserId, Status) index makes the usual case (nothing deferred) one index probe.
            int rearmed;
            await using (var rearm = transaction.Command("""
                UPDATE outbox SET "Status" = @pending, "NextAttemptAtMs" = @now
                WHERE "Channel" = @channel AND "UserId" = @user AND "Status" = @deferred
                """).With("@pending", (int)OutboxStatus.Pending).With("@now", now).With("@channel", message.Channel)
                .With("@user", message.UserId).With("@deferred", (int)OutboxStatus.Deferred))
            {
                rearmed = await rearm.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new Acceptance(Convert.ToInt64(id, CultureInfo.InvariantCulture), rearmed);
        }, cancellationToken);
    }

    public Task CompleteAsync(long inboxId, string intent, IReadOnlyList<OutboundRecord> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var payloads = replies.Select(r => JsonSerializer.Serialize(r.Reply, StorageJson.Options)).ToList();
        return _writer.RunAsync(async transaction =>
        {

            // Only a row still Received is completed, so a message is never completed (nor answered) twice.
            string channel, user;
            await using (var update = transaction.Command("""
                UPDATE inbox SET "Status" = @processed, "Intent" = @intent, "ProcessedAtMs" = @now
                WHERE "Id" = @id AND "Status" = @received
                RETURNING "Channel", "UserId"
                """).With("@processed", (int)InboxStatus.Processed).With("@intent", intent).With("@now", now)
                .With("@id", inboxId).With("@received", (int)InboxStatus.Received))
            {
                await using var reader = await update.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                channel = reader.GetString(0);
                user = reader.GetString(1);
            }

            for (var i = 0; i < replies.Count; i++)
            {
                var passive = replies[i].Passive;
                await using var insert = transaction.Command("""
                    INSERT INTO outbox ("Channel", "UserId", "InboxId", "Payload", "Status", "Attempts", "CreatedAtMs",
                        "NextAttemptAtMs", "LeaseUntilMs", "SentAtMs")
                    VALUES (@channel, @user, @inbox, @payload, @status, 0, @now, @now, 0, @sent)
                    """).With("@channel", channel).With("@user", user).With("@inbox", inboxId).With("@payload", payloads[i])
                    .With("@status", (int)(passive ? OutboxStatus.Passive : OutboxStatus.Pending)).With("@now", now)
                    .With("@sent", passive ? now : null);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // The inbox row and its replies commit together: a crash leaves either both or neither.
            return true;
        }, cancellationToken);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.Dispose();

    public async Task<bool> IsCompletedAsync(string channel, string messageKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Inbox.AnyAsync(
            m => m.Channel == channel && m.MessageKey == messageKey && m.Status == InboxStatus.Processed,
            cancellationToken).ConfigureAwait(false);
    }
}
