using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Grid;

namespace Bot.Host.AdminConsole.Auth;

/// <summary>
/// Which tickets a console user sees: everyone but grid leaders sees all; a grid leader sees the tickets whose grid
/// is their compound (a ticket's grid is the compound named in its place, "幸福里" and "幸福里小区" alike).
/// </summary>
public sealed class ConsoleGridScope
{
    private readonly string? _compound;

    private ConsoleGridScope(string? compound, bool restricted) => (_compound, Restricted) = (compound, restricted);

    public bool Restricted { get; }

    /// <summary>The grid leader's compound name; null for everyone else.</summary>
    public string? CompoundName => _compound;

    public static async Task<ConsoleGridScope> ForAsync(ConsoleUser user, IGridRoster roster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(roster);
        if (!user.IsGridLeader)
        {
            return new ConsoleGridScope(null, restricted: false);
        }

        var compound = user.GridCompoundId is { } id ? await roster.GetCompoundAsync(id, cancellationToken) : null;
        return new ConsoleGridScope(compound?.Name, restricted: true);
    }

    public bool Sees(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return !Restricted || (_compound is not null && ticket.Grid is { } grid && Normalise(grid) == Normalise(_compound));
    }

    public static string Normalise(string grid) => grid.Trim().EndsWith("小区", StringComparison.Ordinal) ? grid.Trim()[..^2] : grid.Trim();
}
