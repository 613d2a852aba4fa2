using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bot.Connectors.Storage.Grid;

/// <summary>The roster in the database. Writes go through the gate; people and their buildings commit together.</summary>
public sealed partial class GridRoster(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock, ILogger<GridRoster> logger) : IGridRoster
{
    public Task<Compound> UpsertCompoundAsync(Compound compound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compound);
        return WriteAsync(async db => (await SaveCompoundAsync(db, compound, cancellationToken).ConfigureAwait(false)).ToCompound(), cancellationToken);
    }

    public async Task<IReadOnlyList<Compound>> ListCompoundsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Compounds.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToCompound()).ToList();
    }

    public async Task<Compound?> GetCompoundAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return (await db.Compounds.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false))?.ToCompound();
    }

    public Task<Building> UpsertBuildingAsync(Building building, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(building);
        return WriteAsync(async db => (await SaveBuildingAsync(db, building, cancellationToken).ConfigureAwait(false)).ToBuilding(), cancellationToken);
    }

    public async Task<IReadOnlyList<Building>> ListBuildingsAsync(long? compoundId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Buildings.AsNoTracking()
            .Where(b => compoundId == null || b.CompoundId == compoundId)
            .OrderBy(b => b.CompoundId).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToBuilding()).ToList();
    }

    public async Task<Building?> GetBuildingAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return (await db.Buildings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken).ConfigureAwait(false))?.ToBuilding();
    }

    public async Task<Building?> FindBuildingAsync(string compoundName, string buildingName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compoundName);
        ArgumentNullException.ThrowIfNull(buildingName);
        var (compound, building) = (compoundName.Trim(), buildingName.Trim());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Buildings.AsNoTracking()
            .Where(b => b.Name == building && db.Compounds.Any(c => c.Id == b.CompoundId && c.Name == compound))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row?.ToBuilding();
    }

    public Task BindResidentAsync(ResidentKey resident, long buildingId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return WriteAsync(async db =>
        {
            _ = await db.Buildings.FindAsync([buildingId], cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"没有楼栋 {buildingId}。");
            var row = await db.ResidentBuildings.FindAsync([resident.Channel, resident.UserId], cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                db.ResidentBuildings.Add(new ResidentBuildingRow { Channel = resident.Channel, UserId = resident.UserId, BuildingId = buildingId, BoundAtMs = now });
            }
            else
            {
                (row.BuildingId, row.BoundAtMs) = (buildingId, now);
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public async Task<Building?> GetResidentBuildingAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Buildings.AsNoTracking()
            .Where(b => db.ResidentBuildings.Any(r => r.Channel == resident.Channel && r.UserId == resident.UserId && r.BuildingId == b.Id))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row?.ToBuilding();
    }

    private Task<T> WriteAsync<T>(Func<BotDbContext, Task<T>> write, CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            return await write(db).ConfigureAwait(false);
        }, cancellationToken);
}
