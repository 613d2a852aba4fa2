using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Dispatch;
using Bot.Skills.Grid;

namespace Bot.Skills.Escalation;

/// <summary>
/// Who a breached ticket goes to: the first level above its own with someone reachable (a WeCom account) — the
/// compound's leader and the community grid from the building's chain, then a department person whose name or
/// specialties match the ticket's department. A ticket with no roster building skips the compound. On duty first.
/// </summary>
public sealed class EscalationTargets(IGridRoster roster, TicketBuildingResolver buildings)
{
    /// <returns>The next person up, or null when there is nobody above the ticket's level.</returns>
    public async Task<Person?> NextAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var chain = await ChainAsync(ticket, cancellationToken).ConfigureAwait(false);
        for (var level = ticket.Level + 1; level <= EscalationLevel.Department; level++)
        {
            IEnumerable<Person> candidates = level switch
            {
                EscalationLevel.Compound => chain.Where(p => p.Role == GridRole.GridLeader),
                EscalationLevel.Community => chain.Where(p => p.Role == GridRole.CommunityGrid)
                    .Concat(await roster.ListPeopleAsync(GridRole.CommunityGrid, cancellationToken).ConfigureAwait(false)),
                _ => (await roster.ListPeopleAsync(GridRole.Department, cancellationToken).ConfigureAwait(false))
                    .Where(p => Handles(p, ticket.Department)),
            };
            var reachable = candidates.Where(p => p.Active && !string.IsNullOrWhiteSpace(p.WeComUserId) && p.Id != ticket.AssigneeId).ToList();
            if ((reachable.FirstOrDefault(p => p.DutyHours.IsOnDuty(now)) ?? reachable.FirstOrDefault()) is { } person)
            {
                return person;
            }
        }

        return null;
    }

    /// <summary>"城管执法中队" matches a person named so, or one whose specialties name it (either way round).</summary>
    internal static bool Handles(Person person, string department) =>
        department.Length > 0 && (Matches(person.Name, department) || person.Specialties.Any(s => Matches(s, department)));

    private static bool Matches(string a, string b) =>
        a.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));

    private async Task<IReadOnlyList<Person>> ChainAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var building = await buildings.ResolveAsync(ticket, cancellationToken).ConfigureAwait(false);
        return building is null ? [] : await roster.ResponsibleForAsync(building.Id, cancellationToken).ConfigureAwait(false);
    }
}
