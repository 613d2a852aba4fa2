using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Grid;

namespace Bot.Skills.Dispatch;

/// <summary>
/// Which roster building a ticket concerns: the one named in its place, else the building the resident is bound
/// to. The place wins because a resident may report a problem away from home.
/// </summary>
public sealed class TicketBuildingResolver(IGridRoster roster)
{
    public async Task<Building?> ResolveAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (PlaceReference.Parse(ticket.Place) is { } place)
        {
            foreach (var name in place.BuildingNames)
            {
                if (await roster.FindBuildingAsync(place.Compound, name, cancellationToken).ConfigureAwait(false) is { } building)
                {
                    return building;
                }
            }
        }

        return await roster.GetResidentBuildingAsync(ticket.Resident, cancellationToken).ConfigureAwait(false);
    }
}
