using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Escalation;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Tickets;

/// <summary>Assignment by person id and the SLA's writes: response, reminder and the conditional escalation.</summary>
public sealed partial class TicketLedger
{
    /// <summary>The actor of the SLA's own history lines.</summary>
    public const string SystemActor = "系统";

    private static readonly int[] Watched = [(int)TicketState.Accepted, (int)TicketState.Dispatched, (int)TicketState.Escalated];

    public Task<Ticket> AssignAsync(string number, TicketState to, Assignment assignment, string actor, string note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return ChangeAsync(number, actor, row =>
        {
            var from = (TicketState)row.State;
            if (!TicketStateMachine.CanMove(from, to))
            {
                throw new InvalidTicketTransitionException(from, to);
            }

            row.State = (int)to;
            Apply(row, assignment);
            return (from, to, note);
        }, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<long, int>> CountOpenByAssigneeAsync(IReadOnlyCollection<long> personIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        if (personIds.Count == 0)
        {
            return new Dictionary<long, int>();
        }

        var (dispatched, inProgress) = ((int)TicketState.Dispatched, (int)TicketState.InProgress);
        var ids = personIds.Select(id => (long?)id).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var counts = await db.Tickets.AsNoTracking()
            .Where(t => ids.Contains(t.AssigneeId) && (t.State == dispatched || t.State == inProgress))
            .GroupBy(t => t.AssigneeId)
            .Select(g => new { Id = g.Key!.Value, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return counts.ToDictionary(c => c.Id, c => c.Count);
    }

    public Task RecordResponseAsync(string number, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            return await db.Tickets.Where(t => t.Number == number && t.RespondedAtMs == null)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.RespondedAtMs, now), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Ticket>> ListAwaitingResponseAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.RespondedAtMs == null && t.BreachedAtMs == null && Watched.Contains(t.State))
            .OrderBy(t => t.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToTicket()).ToList();
    }

    public async Task<bool> MarkRemindedAsync(string number, DateTimeOffset? responseDue, CancellationToken cancellationToken)
    {
        var (now, due) = (clock.GetUtcNow().ToUnixTimeMilliseconds(), TicketRowMapping.Ms(responseDue));
        var updated = await gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            return await db.Tickets
                .Where(t => t.Number == number && t.RemindedAtMs == null && t.RespondedAtMs == null && t.ResponseDueAtMs == due)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.RemindedAtMs, now), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return updated == 1;
    }

    public Task<Ticket?> EscalateAsync(Ticket seen, Assignment? to, string note, string? dispatchNote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var now = clock.GetUtcNow();
        return gate.RunAsync(() => EscalateOnceAsync(seen, to, note, dispatchNote, now, cancellationToken), cancellationToken);
    }

    private async Task<Ticket?> EscalateOnceAsync(Ticket seen, Assignment? to, string note, string? dispatchNote, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (state, level, due, at) = ((int)seen.State, (int)seen.Level, TicketRowMapping.Ms(seen.ResponseDueAt), now.ToUnixTimeMilliseconds());
        var target = to is null ? state : (int)TicketState.Dispatched;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The guarded UPDATE comes first, so it takes the write lock before anything is read: of several hosts
        // sweeping at once, exactly one matches the ticket as it was seen; the others change nothing.
        var matched = await db.Tickets
            .Where(t => t.Number == seen.Number && t.State == state && t.Level == level && t.ResponseDueAtMs == due
                && t.RespondedAtMs == null && t.BreachedAtMs == null)
            .ExecuteUpdateAsync(u =>
            {
                u.SetProperty(t => t.State, target).SetProperty(t => t.UpdatedAtMs, at);
                if (to is null)
                {
                    u.SetProperty(t => t.BreachedAtMs, at);
                }
                else
                {
                    u.SetProperty(t => t.AssigneeId, to.PersonId)
                        .SetProperty(t => t.Level, (int)to.Level)
                        .SetProperty(t => t.RemindAtMs, TicketRowMapping.Ms(to.RemindAt))
                        .SetProperty(t => t.ResponseDueAtMs, TicketRowMapping.Ms(to.ResponseDue))
                        .SetProperty(t => t.RemindedAtMs, (long?)null);
                }
            }, cancellationToken).ConfigureAwait(false);
        if (matched == 0)
        {
            return null;
        }

        var row = await db.Tickets.AsNoTracking().SingleAsync(t => t.Number == seen.Number, cancellationToken).ConfigureAwait(false);
        if (to is null)
        {
            db.TicketHistory.Add(History(row.Id, now, SystemActor, seen.State, seen.State, note));
        }
        else
        {
            db.TicketHistory.Add(History(row.Id, now, SystemActor, seen.State, TicketState.Escalated, note));
            db.TicketHistory.Add(History(row.Id, now, SystemActor, TicketState.Escalated, TicketState.Dispatched, dispatchNote ?? note));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return row.ToTicket();
    }

    private static void Apply(TicketRow row, Assignment assignment)
    {
        row.AssigneeId = assignment.PersonId;
        row.Level = (int)assignment.Level;
        row.RemindAtMs = TicketRowMapping.Ms(assignment.RemindAt);
        row.ResponseDueAtMs = TicketRowMapping.Ms(assignment.ResponseDue);
        row.RemindedAtMs = null;
        row.BreachedAtMs = null;
    }
}
