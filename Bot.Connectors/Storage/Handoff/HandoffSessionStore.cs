using Bot.Skills.Engine;
using Bot.Skills.Handoff;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Handoff;

/// <summary>
/// Sessions in the database. Touch and end are single conditional UPDATEs on "not ended", so two hosts ending the
/// same session (the idle sweep and a resident's turn, say) end it once; the unique filtered index keeps one live
/// session per resident.
/// </summary>
public sealed class HandoffSessionStore(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate) : IHandoffSessionStore
{
    public Task<HandoffSession> OpenAsync(NewHandoffSession session, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return gate.RunAsync(async () =>
        {
            if (await FindActiveByResidentAsync(session.Resident, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return existing;
            }

            var now = at.ToUnixTimeMilliseconds();
            var row = new HandoffSessionRow
            {
                Channel = session.Resident.Channel,
                UserId = session.Resident.UserId,
                PersonId = session.PersonId,
                WorkerUserId = session.WorkerUserId,
                WorkerName = session.WorkerName,
                TicketNumber = session.TicketNumber,
                StartedAtMs = now,
                LastActivityAtMs = now,
            };
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            db.HandoffSessions.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return row.ToSession();
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Another host opened one first: theirs stands.
                return await FindActiveByResidentAsync(session.Resident, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("Could not open a hand-off session.");
            }
        }, cancellationToken);
    }

    public async Task<HandoffSession?> FindActiveByResidentAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        // Plain locals, not the struct's members: EF then extracts the parameters without compiling an expression.
        var (channel, user) = (resident.Channel, resident.UserId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.HandoffSessions.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Channel == channel && s.UserId == user && s.EndedAtMs == null, cancellationToken).ConfigureAwait(false);
        return row?.ToSession();
    }

    public async Task<IReadOnlyList<HandoffSession>> ListActiveByWorkerAsync(string weComUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weComUserId);
        var id = weComUserId.Trim().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.HandoffSessions.AsNoTracking()
            .Where(s => s.EndedAtMs == null && s.WorkerUserId.ToLower() == id)
            .OrderByDescending(s => s.LastActivityAtMs).ThenByDescending(s => s.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToSession()).ToList();
    }

    public async Task<IReadOnlyDictionary<long, int>> CountActiveByPersonAsync(IReadOnlyCollection<long> personIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        var ids = personIds.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var counts = await db.HandoffSessions.AsNoTracking()
            .Where(s => s.EndedAtMs == null && ids.Contains(s.PersonId))
            .GroupBy(s => s.PersonId)
            .Select(g => new { PersonId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return counts.ToDictionary(c => c.PersonId, c => c.Count);
    }

    public async Task<IReadOnlyList<HandoffSession>> ListIdleAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var before = cutoff.ToUnixTimeMilliseconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.HandoffSessions.AsNoTracking()
            .Where(s => s.EndedAtMs == null && s.LastActivityAtMs <= before)
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToSession()).ToList();
    }

    public Task TouchAsync(long sessionId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var now = at.ToUnixTimeMilliseconds();
        return UpdateAsync(db => db.HandoffSessions
            .Where(s => s.Id == sessionId && s.EndedAtMs == null && s.LastActivityAtMs < now)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastActivityAtMs, now), cancellationToken), cancellationToken);
    }

    public async Task<bool> EndAsync(long sessionId, HandoffEndReason reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var (now, why) = (at.ToUnixTimeMilliseconds(), reason.ToString());
        var changed = await UpdateAsync(db => db.HandoffSessions
            .Where(s => s.Id == sessionId && s.EndedAtMs == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAtMs, now).SetProperty(s => s.EndReason, why), cancellationToken), cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    private Task<int> UpdateAsync(Func<BotDbContext, Task<int>> update, CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            return await update(db).ConfigureAwait(false);
        }, cancellationToken);
}
