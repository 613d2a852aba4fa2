using Bot.Skills.Dispatch;
using Bot.Skills.Engine;
using Bot.Skills.Grid;

namespace Bot.Skills.Handoff;

/// <summary>
/// Finds the roster building a resident names ("幸福里小区3栋", "幸福里3号楼") and remembers it for them. Residents
/// often drop the 小区, so a compound's name without it is accepted too.
/// </summary>
public sealed class BuildingBinder(IGridRoster roster)
{
    public async Task<Building?> FindAsync(string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalised = text.Trim();
        foreach (var compound in await roster.ListCompoundsAsync(cancellationToken).ConfigureAwait(false))
        {
            var bare = compound.Name.EndsWith("小区", StringComparison.Ordinal) ? compound.Name[..^2] : compound.Name;
            if (!normalised.Contains(compound.Name, StringComparison.Ordinal) && bare.Length >= 2 && normalised.Contains(bare, StringComparison.Ordinal))
            {
                normalised = normalised.Replace(bare, compound.Name, StringComparison.Ordinal);
                break;
            }
        }

        if (PlaceReference.Parse(normalised) is not { } place)
        {
            return null;
        }

        foreach (var name in place.BuildingNames)
        {
            if (await roster.FindBuildingAsync(place.Compound, name, cancellationToken).ConfigureAwait(false) is { } building)
            {
                return building;
            }
        }

        return null;
    }

    public Task BindAsync(ResidentKey resident, Building building, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(building);
        return roster.BindResidentAsync(resident, building.Id, cancellationToken);
    }

    public Task<Building?> ResidentBuildingAsync(ResidentKey resident, CancellationToken cancellationToken) =>
        roster.GetResidentBuildingAsync(resident, cancellationToken);

    /// <summary>"幸福里小区3栋".</summary>
    public async Task<string> NameAsync(Building building, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(building);
        var compound = await roster.GetCompoundAsync(building.CompoundId, cancellationToken).ConfigureAwait(false);
        return $"{compound?.Name}{building.Name}";
    }

    /// <summary>Says the building was not found and lists the compounds, so the resident can answer in our words.</summary>
    public async Task<string> NotFoundAsync(string text, CancellationToken cancellationToken)
    {
        var compounds = await roster.ListCompoundsAsync(cancellationToken).ConfigureAwait(false);
        var list = compounds.Count == 0 ? string.Empty : $"本社区的小区有：{string.Join("、", compounds.Select(c => c.Name))}。";
        return $"没有找到“{Shorten(text)}”对应的楼栋。{list}请告诉我小区和楼栋，例如：幸福里小区3栋。";
    }

    private static string Shorten(string text) => text.Trim() is { Length: > 20 } long_ ? long_[..20] + "…" : text.Trim();
}
