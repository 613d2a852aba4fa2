using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bot.Connectors.Storage.Prompts;

/// <param name="Version">1… (version 0, the file, is never stored).</param>
public sealed record PromptVersionInfo(int Version, string Author, string? Note, DateTimeOffset CreatedAt);

/// <param name="ActiveVersion">0 when the file runs.</param>
/// <param name="StoredVersions">How many versions admins saved.</param>
public sealed record PromptVersionSummary(int ActiveVersion, int StoredVersions);

/// <summary>The active version of a prompt; Content is null for version 0 (the file).</summary>
public sealed record ActivePrompt(int Version, string? Content);

/// <summary>
/// Prompt versions and the one active per prompt, in <c>prompt_versions</c> and <c>prompt_active</c>. Plain SQL
/// with "@name" parameters and <c>ON CONFLICT</c>, which SQLite and PostgreSQL both understand. Content is
/// checked by the caller (<see cref="Language.Prompts.PromptCatalog"/>); this class only stores it.
/// </summary>
public sealed class PromptVersionStore(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock)
{
    private const string Insert =
        "INSERT INTO prompt_versions (prompt_id, version, content, author, note, created_at) "
        + "SELECT @id, COALESCE(MAX(version), 0) + 1, @content, @author, @note, @now FROM prompt_versions WHERE prompt_id = @id";

    private const string Upsert =
        "INSERT INTO prompt_active (prompt_id, version, changed_at, changed_by) VALUES (@id, @version, @now, @by) "
        + "ON CONFLICT (prompt_id) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at, changed_by = excluded.changed_by";

    /// <returns>The new version number (the highest so far + 1).</returns>
    public Task<int> AddAsync(string promptId, string content, string author, string? note, bool activate, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var tx = transaction.GetDbTransaction();
            await using (var insert = tx.Command(Insert).With("@id", promptId).With("@content", content).With("@author", author).With("@note", note).With("@now", now))
            {
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            int version;
            await using (var select = tx.Command("SELECT MAX(version) FROM prompt_versions WHERE prompt_id = @id").With("@id", promptId))
            {
                version = Convert.ToInt32(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }

            if (activate)
            {
                await UpsertActiveAsync(tx, promptId, version, author, now, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return version;
        }, cancellationToken);
    }

    /// <returns>False when <paramref name="version"/> is neither 0 nor a stored version.</returns>
    public Task<bool> ActivateAsync(string promptId, int version, string changedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (version != 0 && !await db.PromptVersions.AnyAsync(v => v.PromptId == promptId && v.Version == version, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            await UpsertActiveAsync(transaction.GetDbTransaction(), promptId, version, changedBy, now, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>One query: what a prompt runs now. Called on every model call, so changes reach every instance.</summary>
    public async Task<ActivePrompt> GetActiveAsync(string promptId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var active = await db.PromptActive.AsNoTracking().Where(a => a.PromptId == promptId)
            .Select(a => new ActivePrompt(a.Version, db.PromptVersions.Where(v => v.PromptId == a.PromptId && v.Version == a.Version).Select(v => v.Content).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return active ?? new ActivePrompt(0, null);
    }

    public async Task<string?> GetContentAsync(string promptId, int version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.PromptVersions.AsNoTracking().Where(v => v.PromptId == promptId && v.Version == version)
            .Select(v => v.Content).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <returns>Stored versions, oldest first.</returns>
    public async Task<IReadOnlyList<PromptVersionInfo>> ListAsync(string promptId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.PromptVersions.AsNoTracking().Where(v => v.PromptId == promptId).OrderBy(v => v.Version)
            .Select(v => new { v.Version, v.Author, v.Note, v.CreatedAtMs })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new PromptVersionInfo(r.Version, r.Author, r.Note, DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAtMs))).ToList();
    }

    /// <summary>Every prompt with a stored version or an activation; prompts absent here run their file.</summary>
    public async Task<IReadOnlyDictionary<string, PromptVersionSummary>> SummarizeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var counts = await db.PromptVersions.AsNoTracking().GroupBy(v => v.PromptId)
            .Select(g => new { PromptId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.PromptId, x => x.Count, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var active = await db.PromptActive.AsNoTracking()
            .ToDictionaryAsync(a => a.PromptId, a => a.Version, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        return counts.Keys.Union(active.Keys).ToDictionary(
            id => id,
            id => new PromptVersionSummary(active.GetValueOrDefault(id), counts.GetValueOrDefault(id)),
            StringComparer.Ordinal);
    }

    private static async Task UpsertActiveAsync(System.Data.Common.DbTransaction tx, string promptId, int version, string changedBy, long now, CancellationToken cancellationToken)
    {
        await using var upsert = tx.Command(Upsert).With("@id", promptId).With("@version", version).With("@now", now).With("@by", changedBy);
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
