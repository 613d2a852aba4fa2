using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Groups;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Groups;

/// <summary>
/// Tickets staff marked public, searched by the words of a group question. Only the public title staff wrote is
/// ever shown, never the resident's text, place or number.
/// </summary>
public sealed class PublicMatterStore(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock) : IPublicMatters
{
    /// <summary>Words every progress question has; they say nothing about which matter is meant.</summary>
    private static readonly string[] Noise = ["修了吗", "修好了吗", "好了吗", "处理", "进展", "进度", "怎么样了", "什么时候", "解决了吗", "我们", "小区", "请问"];

    /// <returns>False when there is no such ticket.</returns>
    public Task<bool> SetPublicAsync(string number, bool isPublic, string? title, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var changed = await db.Tickets.Where(t => t.Number == number)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Public, isPublic).SetProperty(t => t.PublicTitle, title).SetProperty(t => t.UpdatedAtMs, now), cancellationToken)
                .ConfigureAwait(false);
            return changed > 0;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<PublicMatter>> SearchAsync(GroupContext group, string text, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(text);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Tickets.AsNoTracking().Where(t => t.Public && t.PublicTitle != null);
        if (group.CompoundName is { } compound)
        {
            // A ticket's grid is its compound (小区); a building group sees its compound's public matters.
            query = query.Where(t => t.Grid == compound || (t.Place != null && t.Place.Contains(compound)));
        }

        var rows = await query.OrderByDescending(t => t.UpdatedAtMs).Take(200)
            .Select(t => new { t.PublicTitle, t.State, t.UpdatedAtMs })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var words = Bigrams(Noise.Aggregate(text, (current, noise) => current.Replace(noise, " ", StringComparison.Ordinal)));
        return rows
            .Select(r => (Row: r, Score: Bigrams(r.PublicTitle!).Count(words.Contains)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Row.UpdatedAtMs)
            .Take(max)
            .Select(x => new PublicMatter(
                x.Row.PublicTitle!,
                ((TicketState)x.Row.State).ChineseName(),
                DateTimeOffset.FromUnixTimeMilliseconds(x.Row.UpdatedAtMs),
                (TicketState)x.Row.State is TicketState.Resolved or TicketState.FollowUp or TicketState.Closed))
            .ToList();
    }

    /// <summary>Chinese has no spaces: two-character pieces are the words (路灯, 电梯, 垃圾).</summary>
    private static HashSet<string> Bigrams(string text)
    {
        var letters = new string(text.Where(char.IsLetterOrDigit).ToArray());
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < letters.Length; i++)
        {
            set.Add(letters.Substring(i, 2));
        }

        return set;
    }
}
