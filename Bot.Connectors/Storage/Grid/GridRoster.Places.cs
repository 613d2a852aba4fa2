using Bot.Skills.Grid;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Grid;

/// <summary>Saving compounds and buildings, shared by the single upserts and the import.</summary>
public sealed partial class GridRoster
{
    private async Task<CompoundRow> SaveCompoundAsync(BotDbContext db, Compound compound, CancellationToken cancellationToken)
    {
        var name = Required(compound.Name, "小区名称");
        if (await db.Compounds.AnyAsync(c => c.Name == name && c.Id != compound.Id, cancellationToken).ConfigureAwait(false))
        {
            throw new RosterConflictException($"已有名为“{name}”的小区。");
        }

        var row = compound.Id == 0 ? null : await db.Compounds.FindAsync([compound.Id], cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            if (compound.Id != 0)
            {
                throw new KeyNotFoundException($"没有小区 {compound.Id}。");
            }

            row = new CompoundRow { Name = name };
            db.Compounds.Add(row);
        }

        (row.Name, row.Address, row.UpdatedAtMs) = (name, string.IsNullOrWhiteSpace(compound.Address) ? null : compound.Address.Trim(), Now());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return row;
    }

    private async Task<BuildingRow> SaveBuildingAsync(BotDbContext db, Building building, CancellationToken cancellationToken)
    {
        var name = Required(building.Name, "楼栋名称");
        _ = await db.Compounds.FindAsync([building.CompoundId], cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"没有小区 {building.CompoundId}。");
        if (await db.Buildings.AnyAsync(b => b.CompoundId == building.CompoundId && b.Name == name && b.Id != building.Id, cancellationToken).ConfigureAwait(false))
        {
            throw new RosterConflictException($"该小区已有名为“{name}”的楼栋。");
        }

        var row = building.Id == 0 ? null : await db.Buildings.FindAsync([building.Id], cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            if (building.Id != 0)
            {
                throw new KeyNotFoundException($"没有楼栋 {building.Id}。");
            }

            row = new BuildingRow { Name = name };
            db.Buildings.Add(row);
        }

        (row.CompoundId, row.Name, row.UpdatedAtMs) = (building.CompoundId, name, Now());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return row;
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static string Required(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new RosterValidationException($"{what}不能为空。") : value.Trim();
}
