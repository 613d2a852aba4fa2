using System.Text.Json;
using Bot.Skills.Engine;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage;

/// <summary>One answered turn as stored: the resident's message (inbox), the intent that handled it, the replies (outbox).</summary>
public sealed record ConversationTurn(
    long Id, string Channel, string UserId, string? Intent, InboundKind Kind, string? Text, string? EventName, DateTimeOffset ReceivedAt,
    IReadOnlyList<string> Replies);

/// <summary>Reads the latest turns for quality review; raw data — callers mask it before it leaves the host.</summary>
public sealed class ConversationLog(IDbContextFactory<BotDbContext> contexts)
{
    /// <param name="from">Inclusive, or null.</param>
    /// <param name="to">Exclusive, or null.</param>
    public async Task<IReadOnlyList<ConversationTurn>> LatestAsync(string? intent, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Inbox.AsNoTracking().Where(m => m.Status == InboxStatus.Processed);
        if (!string.IsNullOrWhiteSpace(intent))
        {
            query = query.Where(m => m.Intent == intent);
        }

        if (from is { } f)
        {
            var ms = f.ToUnixTimeMilliseconds();
            query = query.Where(m => m.ReceivedAtMs >= ms);
        }

        if (to is { } t)
        {
            var ms = t.ToUnixTimeMilliseconds();
            query = query.Where(m => m.ReceivedAtMs < ms);
        }

        var rows = await query.OrderByDescending(m => m.Id).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = rows.Select(r => (long?)r.Id).ToList();
        var replies = (await db.Outbox.AsNoTracking().Where(o => ids.Contains(o.InboxId)).OrderBy(o => o.Id)
                .Select(o => new { o.InboxId, o.Payload }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(o => o.InboxId!.Value, o => ReplyText(o.Payload));
        return rows.ConvertAll(r =>
        {
            var message = JsonSerializer.Deserialize<InboundMessage>(r.Payload, StorageJson.Options);
            return new ConversationTurn(
                r.Id, r.Channel, r.UserId, r.Intent, message?.Kind ?? InboundKind.Unknown, message?.Text, message?.EventName,
                DateTimeOffset.FromUnixTimeMilliseconds(r.ReceivedAtMs), replies[r.Id].ToList());
        });
    }

    /// <summary>The intents seen so far, for the filter.</summary>
    public async Task<IReadOnlyList<string>> IntentsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Inbox.AsNoTracking().Where(m => m.Intent != null).Select(m => m.Intent!).Distinct().OrderBy(i => i)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ReplyText(string payload)
    {
        var reply = JsonSerializer.Deserialize<Reply>(payload, StorageJson.Options);
        return reply is null ? string.Empty
            : reply.Kind == ReplyKind.News ? string.Join("；", reply.Articles.Select(a => $"【图文】{a.Title}"))
            : reply.Text;
    }
}
