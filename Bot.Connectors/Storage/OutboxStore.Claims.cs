using System.Text.Json;
using Bot.Skills.Engine;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage;

public sealed partial class OutboxStore
{
    /// <summary>
    /// The claim when several dispatchers (hosts) share one PostgreSQL: one statement selects due rows with
    /// <c>FOR UPDATE SKIP LOCKED</c> and leases them, so concurrent dispatchers get disjoint rows without waiting for
    /// each other, and a row another host claimed meanwhile fails the re-checked WHERE and is left out.
    /// </summary>
    /// <remarks>
    /// A resident's rows go out oldest first: a row is due only when none older is pending or being sent. While
    /// another host holds an older row locked, this host's snapshot still sees it pending, so the newer row waits.
    /// </remarks>
    private async Task<IReadOnlyList<OutboxItem>> ClaimSkippingLockedAsync(int max, long now, long leaseUntil, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.GetDbConnection().BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var claim = transaction.Command("""
            UPDATE outbox SET "Status" = @sending, "LeaseUntilMs" = @until, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT m."Id" FROM outbox m
                WHERE ((m."Status" = @pending AND m."NextAttemptAtMs" <= @now) OR (m."Status" = @sending AND m."LeaseUntilMs" < @now))
                  AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o."Channel" = m."Channel" AND o."UserId" = m."UserId"
                      AND o."Id" < m."Id" AND o."Status" IN (@pending, @sending))
                ORDER BY m."Id" LIMIT @max
                FOR UPDATE OF m SKIP LOCKED)
            RETURNING "Id", "Channel", "UserId", "Payload", "Attempts", "CreatedAtMs", "InboxId"
            """).With("@sending", (int)OutboxStatus.Sending).With("@until", leaseUntil).With("@pending", (int)OutboxStatus.Pending)
            .With("@now", now).With("@max", max);
        var claimed = new List<OutboxItem>();
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(new OutboxItem(
                    reader.GetInt64(0),
                    new ResidentKey(reader.GetString(1), reader.GetString(2)),
                    JsonSerializer.Deserialize<Reply>(reader.GetString(3), StorageJson.Options)!,
                    reader.GetInt32(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                    Unprompted: reader.IsDBNull(6)));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        // RETURNING keeps no order; the dispatcher sends in claim order, oldest first.
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }
}
