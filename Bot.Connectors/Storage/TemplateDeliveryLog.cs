using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage;

/// <summary>Records WeChat's delivery reports for template messages; a repeated report is kept once.</summary>
public sealed class TemplateDeliveryLog(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock)
{
    public Task<bool> RecordAsync(string messageKey, string userId, string templateMsgId, string status, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var inserted = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO template_deliveries ("MessageKey", "UserId", "TemplateMsgId", "Status", "ReceivedAtMs")
                VALUES ({messageKey}, {userId}, {templateMsgId}, {status}, {now})
                ON CONFLICT ("MessageKey") DO NOTHING
                """, cancellationToken).ConfigureAwait(false);
            return inserted == 1;
        }, cancellationToken);
    }
}
