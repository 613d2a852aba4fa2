using System.Globalization;
using Bot.Skills.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Knowledge;

/// <summary>An entry with who changed it last and when, for the admin API.</summary>
public sealed record StoredKnowledgeEntry(KnowledgeEntry Entry, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>
/// The knowledge base in the database. Every question reads it afresh, so an admin's change is answered with
/// at once, on every instance, without a restart.
/// </summary>
public sealed class KnowledgeStore(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock) : IKnowledgeStore
{
    private const string DateFormat = "yyyy-MM-dd";

    public async ValueTask<IReadOnlyList<KnowledgeEntry>> ListActiveAsync(CancellationToken cancellationToken) =>
        [.. (await ListAsync(cancellationToken).ConfigureAwait(false)).Select(s => s.Entry)];

    public async Task<IReadOnlyList<StoredKnowledgeEntry>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.KnowledgeEntries.AsNoTracking().Where(e => !e.Deleted).OrderBy(e => e.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ToStored)];
    }

    public async Task<StoredKnowledgeEntry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.KnowledgeEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && !e.Deleted, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToStored(row);
    }

    /// <returns>The stored entry, and whether it is new (a deleted entry saved again counts as new).</returns>
    public Task<(StoredKnowledgeEntry Entry, bool Created)> SaveAsync(KnowledgeEntry entry, string updatedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var row = await db.KnowledgeEntries.FindAsync([entry.Id], cancellationToken).ConfigureAwait(false);
            var created = row is null || row.Deleted;
            if (row is null)
            {
                row = new KnowledgeEntryRow { Id = entry.Id, Question = entry.Question, Answer = entry.Answer, Source = entry.Source };
                db.KnowledgeEntries.Add(row);
            }

            Fill(row, entry, now, updatedBy);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return (ToStored(row), created);
        }, cancellationToken);
    }

    /// <returns>False when there is no such entry.</returns>
    public Task<bool> DeleteAsync(string id, string updatedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var changed = await db.KnowledgeEntries.Where(e => e.Id == id && !e.Deleted)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Deleted, true).SetProperty(e => e.UpdatedAtMs, now).SetProperty(e => e.UpdatedBy, updatedBy), cancellationToken)
                .ConfigureAwait(false);
            return changed > 0;
        }, cancellationToken);
    }

    /// <summary>Writes the defaults when the table has never held an entry.</summary>
    /// <returns>How many entries were written (0 when the table was not empty).</returns>
    public Task<int> SeedAsync(IReadOnlyList<KnowledgeEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (entries.Count == 0 || await db.KnowledgeEntries.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            foreach (var entry in entries.DistinctBy(e => e.Id, StringComparer.Ordinal))
            {
                var row = new KnowledgeEntryRow { Id = entry.Id, Question = entry.Question, Answer = entry.Answer, Source = entry.Source };
                Fill(row, entry, now, "seed");
                db.KnowledgeEntries.Add(row);
            }

            return await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private static void Fill(KnowledgeEntryRow row, KnowledgeEntry entry, long now, string updatedBy)
    {
        (row.Question, row.Answer, row.Source) = (entry.Question, entry.Answer, entry.Source);
        row.ValidUntil = entry.ValidUntil?.ToString(DateFormat, CultureInfo.InvariantCulture);
        row.Tags = string.Join('\n', entry.Tags);
        (row.UpdatedAtMs, row.UpdatedBy, row.Deleted) = (now, updatedBy, false);
    }

    private static StoredKnowledgeEntry ToStored(KnowledgeEntryRow row)
    {
        DateOnly? validUntil = DateOnly.TryParseExact(row.ValidUntil, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        var tags = row.Tags.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var entry = new KnowledgeEntry(row.Id, row.Question, row.Answer, row.Source, validUntil, tags);
        return new StoredKnowledgeEntry(entry, DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAtMs), row.UpdatedBy);
    }
}
