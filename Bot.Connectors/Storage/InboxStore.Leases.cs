using System.Text.Json;
using Bot.Skills.Engine;

namespace Bot.Connectors.Storage;

public sealed partial class InboxStore
{
    /// <summary>
    /// Takes over unprocessed messages whose lease has lapsed (their host died, or gave the turn back), and
    /// <paramref name="atStartup"/> also those this instance held before a restart — on SQLite, which only one host
    /// uses, that is every unprocessed message. Each is leased to this host.
    /// </summary>
    /// <remarks>
    /// On PostgreSQL several hosts sweep at once: <c>FOR UPDATE SKIP LOCKED</c> gives each of them different rows
    /// without waiting, and the re-checked WHERE drops a row another host completed or took meanwhile. SQLite has
    /// one writer, so the plain UPDATE … RETURNING is already exclusive.
    /// </remarks>
    public Task<IReadOnlyList<AcceptedMessage>> ClaimStrandedAsync(bool atStartup, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var leaseUntil = now + (long)options.Value.Lease.TotalMilliseconds;
        var skipLocked = gate.Serialises ? string.Empty : " FOR UPDATE SKIP LOCKED";
        var own = atStartup ? instance.Id : null;
        var lapsedBy = atStartup && gate.Serialises ? long.MaxValue : now;
        return _writer.RunAsync<IReadOnlyList<AcceptedMessage>>(async transaction =>
        {
            await using var claim = transaction.Command($"""
                UPDATE inbox SET "OwnerId" = @me, "LeaseUntilMs" = @until
                WHERE "Status" = @received AND "Id" IN (
                    SELECT "Id" FROM inbox
                    WHERE "Status" = @received AND ("LeaseUntilMs" < @now OR "OwnerId" = @own)
                    ORDER BY "Id" LIMIT @max{skipLocked})
                RETURNING "Id", "Payload"
                """).With("@me", instance.Id).With("@until", leaseUntil).With("@received", (int)InboxStatus.Received)
                .With("@now", lapsedBy).With("@own", own).With("@max", options.Value.MaxClaimsPerSweep);
            var claimed = new List<AcceptedMessage>();
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var message = JsonSerializer.Deserialize<InboundMessage>(reader.GetString(1), StorageJson.Options)!;
                claimed.Add(new AcceptedMessage(reader.GetInt64(0), message));
            }

            // RETURNING does not promise an order; turns of one resident must run oldest first.
            claimed.Sort((a, b) => a.InboxId.CompareTo(b.InboxId));
            return claimed;
        }, cancellationToken);
    }

    /// <summary>
    /// Gives a turn that could not run back to the sweep: the lease now ends at <paramref name="retryAt"/>, so this
    /// or another host tries again then. Only the current owner's lease on an unprocessed message is changed.
    /// </summary>
    public Task ReleaseAsync(long inboxId, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        _writer.RunAsync(async transaction =>
        {
            await using var release = transaction.Command("""
                UPDATE inbox SET "LeaseUntilMs" = @retry
                WHERE "Id" = @id AND "Status" = @received AND "OwnerId" = @me
                """).With("@retry", retryAt.ToUnixTimeMilliseconds()).With("@id", inboxId)
                .With("@received", (int)InboxStatus.Received).With("@me", instance.Id);
            return await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
}
