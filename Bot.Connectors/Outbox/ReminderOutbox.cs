using System.Text.Json;
using Bot.Connectors.Storage;
using Bot.Skills.Engine;
using Bot.Skills.Mediation;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Outbox;

/// <summary>
/// Marks a key as sent and queues its messages in the same transaction: either both happen or neither, so a job
/// that fires twice, or on two hosts, or again after a crash, queues the messages exactly once.
/// </summary>
public sealed class ReminderOutbox(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, OutboxSignal signal, TimeProvider clock) : IReminderOutbox
{
    public async Task<bool> SendOnceAsync(string key, IReadOnlyList<(ResidentKey To, Reply Message)> messages, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(messages);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var queued = await gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var marked = await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO sent_notices ("Key", "SentAtMs") VALUES ({key}, {now}) ON CONFLICT ("Key") DO NOTHING""", cancellationToken).ConfigureAwait(false);
            if (marked == 0)
            {
                return false;
            }

            foreach (var (to, message) in messages)
            {
                db.Outbox.Add(new OutboxMessage
                {
                    Channel = to.Channel,
                    UserId = to.UserId,
                    Payload = JsonSerializer.Serialize(message, StorageJson.Options),
                    Status = OutboxStatus.Pending,
                    CreatedAtMs = now,
                    NextAttemptAtMs = now,
                });
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (queued)
        {
            signal.Notify();
        }

        return queued;
    }
}
