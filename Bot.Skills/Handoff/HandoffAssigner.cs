using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Grid;

namespace Bot.Skills.Handoff;

/// <summary>
/// Who takes a resident: among the chain's grid workers on duty now, the one with the fewest live sessions, then the
/// fewest open tickets (ties in roster order); else the on-duty leader, else the on-duty community grid. Nobody on
/// duty → null: a live session with nobody there would be a broken promise.
/// </summary>
public sealed class HandoffAssigner(IHandoffSessionStore sessions, ITicketLedger ledger)
{
    public async Task<Person?> ChooseAsync(IReadOnlyList<Person> chain, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var workers = chain.Where(p => p.Role == GridRole.GridWorker && p.DutyHours.IsOnDuty(now)).ToList();
        if (workers.Count > 0)
        {
            var ids = workers.Select(p => p.Id).ToList();
            var live = await sessions.CountActiveByPersonAsync(ids, cancellationToken).ConfigureAwait(false);
            var tickets = await OpenTicketsAsync(workers, cancellationToken).ConfigureAwait(false);

            // MinBy keeps the first of equals, so ties stay in roster order.
            return workers.MinBy(p => (live.GetValueOrDefault(p.Id), tickets.GetValueOrDefault(p.Id)));
        }

        GridRole[] order = [GridRole.GridLeader, GridRole.CommunityGrid];
        return order.Select(role => chain.FirstOrDefault(p => p.Role == role && p.DutyHours.IsOnDuty(now))).FirstOrDefault(p => p is not null);
    }

    /// <summary>Open tickets per person, by the roster id the ledger assigns them to.</summary>
    private async Task<IReadOnlyDictionary<long, int>> OpenTicketsAsync(IReadOnlyList<Person> people, CancellationToken cancellationToken)
    {
        var byId = await ledger.CountOpenByAssigneeAsync(people.Select(p => p.Id).ToList(), cancellationToken).ConfigureAwait(false);
        return people.ToDictionary(p => p.Id, p => byId.GetValueOrDefault(p.Id));
    }
}
