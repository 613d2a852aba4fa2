using Bot.Connectors.Storage;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Tests.Storage;

public sealed class HotWriteConnectionTests : IDisposable
{
    private readonly StorageTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task ConcurrentWrites_OneFails_TheOthersCommitAndOnlyItsCallerSeesTheError()
    {
        using var writer = new HotWriteConnection(_db.Contexts, new DatabaseWriteGate(serialise: true));

        // Many callers at once land in shared batches; write 7 fails after inserting, so its row must vanish.
        var writes = Enumerable.Range(0, 20).Select(i => writer.RunAsync(async transaction =>
        {
            await using (var insert = transaction.Command("""
                INSERT INTO inbox ("Channel", "UserId", "MessageKey", "Payload", "Status", "ReceivedAtMs", "LeaseUntilMs")
                VALUES ('wechat', 'u', @key, '{}', 0, 0, 0)
                """).With("@key", $"k{i}"))
            {
                await insert.ExecuteNonQueryAsync();
            }

            if (i == 7)
            {
                await using var broken = transaction.Command("INSERT INTO no_such_table VALUES (1)");
                await broken.ExecuteNonQueryAsync();
            }

            return i;
        }, CancellationToken.None)).ToList();

        for (var i = 0; i < writes.Count; i++)
        {
            if (i == 7)
            {
                await Assert.ThrowsAnyAsync<Exception>(() => writes[i]);
            }
            else
            {
                Assert.Equal(i, await writes[i]);
            }
        }

        await using var db = await _db.Contexts.CreateDbContextAsync();
        var keys = await db.Inbox.Select(m => m.MessageKey).ToListAsync();
        Assert.Equal(19, keys.Count);
        Assert.DoesNotContain("k7", keys);
    }
}
