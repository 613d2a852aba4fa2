using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Escalation;
using Bot.Skills.Grid;
using Microsoft.Extensions.Logging;

namespace Bot.Skills.Dispatch;

/// <summary>
/// Chooses who gets a ticket: among the building's grid workers on duty now, the one with the fewest tickets in
/// 派单 or 处置 (ties in roster order); else the compound's leader, else the community grid — on duty first, then
/// anyone at all, because a ticket must reach someone. Only people with a WeCom account can be reached. Red
/// tickets also go to the compound's leader.
/// </summary>
public sealed partial class TicketDispatcher(
    IGridRoster roster,
    ITicketLedger ledger,
    IStaffNotifier notifier,
    TicketBuildingResolver buildings,
    SlaPolicy sla,
    TimeProvider clock,
    ILogger<TicketDispatcher> logger) : ITicketDispatcher
{
    public async Task<DispatchResult?> DispatchAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var building = await buildings.ResolveAsync(ticket, cancellationToken).ConfigureAwait(false);
        if (building is null)
        {
            LogNoBuilding(ticket.Number);
            return null;
        }

        var chain = (await roster.ResponsibleForAsync(building.Id, cancellationToken).ConfigureAwait(false))
            .Where(p => !string.IsNullOrWhiteSpace(p.WeComUserId))
            .ToList();
        var now = clock.GetUtcNow();
        var onDutyWorkers = chain.Where(p => p.Role == GridRole.GridWorker && p.DutyHours.IsOnDuty(now)).Select(p => p.Id).ToList();
        var load = await ledger.CountOpenByAssigneeAsync(onDutyWorkers, cancellationToken).ConfigureAwait(false);
        if (Choose(chain, now, load) is not { } assignee)
        {
            LogNobody(ticket.Number, building.Id);
            return null;
        }

        List<Person> notified = [assignee];
        if (ticket.Colour == Colour.Red && chain.FirstOrDefault(p => p.Role == GridRole.GridLeader && p.Id != assignee.Id) is { } leader)
        {
            notified.Add(leader);
        }

        // The ledger first: if the move is refused, nobody is told about a ticket that is not theirs. The
        // resident was promised a response counted from filing, so the window starts then, not now.
        var assignment = sla.Assign(ticket, assignee, ticket.CreatedAt);
        var dispatched = await ledger.AssignAsync(ticket.Number, TicketState.Dispatched, assignment, assignee.Name, $"派单给 {assignee.Name}", cancellationToken)
            .ConfigureAwait(false);
        var card = StaffCards.For(dispatched);
        foreach (var person in notified)
        {
            await notifier.NotifyAsync(person.WeComUserId!, card, cancellationToken).ConfigureAwait(false);
        }

        LogDispatched(ticket.Number, assignee.Id, notified.Count);
        return new DispatchResult(dispatched, assignee, notified);
    }

    internal static Person? Choose(IReadOnlyList<Person> chain, DateTimeOffset now, IReadOnlyDictionary<long, int> load)
    {
        // MinBy keeps the first of equals, so ties stay in roster order.
        var worker = chain.Where(p => p.Role == GridRole.GridWorker && p.DutyHours.IsOnDuty(now)).MinBy(p => load.GetValueOrDefault(p.Id));
        if (worker is not null)
        {
            return worker;
        }

        GridRole[] order = [GridRole.GridLeader, GridRole.CommunityGrid];
        foreach (var role in order)
        {
            if (chain.FirstOrDefault(p => p.Role == role && p.DutyHours.IsOnDuty(now)) is { } onDuty)
            {
                return onDuty;
            }
        }

        // Nobody on duty: the leader, then the community grid, pick it up when they are next on.
        return chain.FirstOrDefault(p => p.Role == GridRole.GridLeader) ?? chain.FirstOrDefault(p => p.Role == GridRole.CommunityGrid);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Number} not dispatched: no roster building in its place or for its resident; left for the console")]
    private partial void LogNoBuilding(string number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {Number} not dispatched: nobody with a WeCom account answers for building {BuildingId}; left for the console")]
    private partial void LogNobody(string number, long buildingId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Number} dispatched to person {PersonId}; {Count} card(s) queued")]
    private partial void LogDispatched(string number, long personId, int count);
}
