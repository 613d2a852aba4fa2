using Npgsql;

namespace Bot.Benchmarks;

/// <summary>
/// After a phase, the database must show every message the load generator handed out stored once and answered
/// once: one inbox row per distinct MsgId, every row processed, and the same number of reply rows for each.
/// </summary>
public static class InboxVerifier
{
    public static async Task<InboxCounts> CountAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT
                (SELECT count(*) FROM inbox),
                (SELECT count(DISTINCT "MessageKey") FROM inbox),
                (SELECT count(*) FROM inbox WHERE "Status" <> 1),
                (SELECT count(*) FROM inbox i WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o."InboxId" = i."Id")),
                (SELECT coalesce(min(n), 0) FROM (SELECT count(*) AS n FROM outbox WHERE "InboxId" IS NOT NULL GROUP BY "InboxId") r),
                (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM outbox WHERE "InboxId" IS NOT NULL GROUP BY "InboxId") r)
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new InboxCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    /// <exception cref="BenchmarkFailedException">A message is missing, stored twice, unanswered or answered twice.</exception>
    public static void Verify(string phase, long messagesSent, InboxCounts counts)
    {
        var problems = new List<string>();
        if (counts.Rows != messagesSent || counts.DistinctMessages != messagesSent)
        {
            problems.Add($"{messagesSent} distinct messages sent, but {counts.Rows} inbox rows for {counts.DistinctMessages} distinct MsgIds");
        }

        if (counts.Unprocessed > 0)
        {
            problems.Add($"{counts.Unprocessed} inbox rows never processed");
        }

        if (counts.WithoutReply > 0)
        {
            problems.Add($"{counts.WithoutReply} messages without any reply row");
        }

        // Every message is the same "你好" to a fresh or known resident: a message answered twice shows as more rows.
        if (counts.MinRepliesPerMessage != counts.MaxRepliesPerMessage)
        {
            problems.Add($"reply rows per message range from {counts.MinRepliesPerMessage} to {counts.MaxRepliesPerMessage}");
        }

        if (problems.Count > 0)
        {
            throw new BenchmarkFailedException($"{phase}: {string.Join("; ", problems)}.");
        }
    }
}

/// <summary>What the inbox and outbox hold after a phase.</summary>
public sealed record InboxCounts(long Rows, long DistinctMessages, long Unprocessed, long WithoutReply, long MinRepliesPerMessage, long MaxRepliesPerMessage);
