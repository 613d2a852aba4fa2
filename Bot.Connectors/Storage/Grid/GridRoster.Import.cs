using Bot.Skills.Grid;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bot.Connectors.Storage.Grid;

/// <summary>The roster import: one transaction, rolled back when any row clashes with what is stored.</summary>
public sealed partial class GridRoster
{
    public Task<RosterImportResult> ImportAsync(IReadOnlyList<RosterEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return WriteAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var counts = new int[4]; // compounds, buildings, people created, people updated
            var errors = new List<RosterRowError>();
            foreach (var entry in entries)
            {
                try
                {
                    await ImportOneAsync(db, entry, counts, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is RosterConflictException or RosterValidationException or KeyNotFoundException)
                {
                    errors.Add(new RosterRowError(entry.Row, ex.Message));
                    db.ChangeTracker.Clear(); // the rest is still checked, but nothing will be committed
                }
            }

            if (errors.Count > 0)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                ImportRefused(logger, entries.Count, errors.Count);
                return new RosterImportResult(null, errors);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            ImportApplied(logger, counts[2], counts[3], counts[0], counts[1]);
            return new RosterImportResult(new RosterImportSummary(counts[0], counts[1], counts[2], counts[3]), []);
        }, cancellationToken);
    }

    private async Task ImportOneAsync(BotDbContext db, RosterEntry entry, int[] counts, CancellationToken cancellationToken)
    {
        long? compoundId = null;
        var buildingIds = new List<long>();
        if (entry.CompoundName is { } compoundName)
        {
            var compound = await db.Compounds.SingleOrDefaultAsync(c => c.Name == compoundName, cancellationToken).ConfigureAwait(false);
            if (compound is null)
            {
                compound = await SaveCompoundAsync(db, new Compound(0, compoundName, null), cancellationToken).ConfigureAwait(false);
                counts[0]++;
            }

            compoundId = compound.Id;
            foreach (var name in entry.BuildingNames)
            {
                var building = await db.Buildings.SingleOrDefaultAsync(b => b.CompoundId == compound.Id && b.Name == name, cancellationToken).ConfigureAwait(false);
                if (building is null)
                {
                    building = await SaveBuildingAsync(db, new Building(0, compound.Id, name), cancellationToken).ConfigureAwait(false);
                    counts[1]++;
                }

                buildingIds.Add(building.Id);
            }
        }

        var existing = await MatchAsync(db, entry, cancellationToken).ConfigureAwait(false);
        var person = new Person(existing ?? 0, entry.Name, entry.Role, entry.WeComUserId, entry.Phone, entry.DutyHours, compoundId, buildingIds, entry.Specialties, Active: true);
        var (_, created) = await SavePersonAsync(db, person, cancellationToken).ConfigureAwait(false);
        counts[created ? 2 : 3]++;
    }

    /// <summary>The same person on a re-import: by WeCom account (active first), else by name and phone.</summary>
    private static async Task<long?> MatchAsync(BotDbContext db, RosterEntry entry, CancellationToken cancellationToken)
    {
        var query = entry.WeComUserId is { } weCom
            ? db.People.Where(p => p.WeComUserId == weCom)
            : db.People.Where(p => p.WeComUserId == null && p.Name == entry.Name && p.Phone == entry.Phone);
        var match = await query.OrderByDescending(p => p.Active).ThenBy(p => p.Id).Select(p => (long?)p.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return match;
    }

    // Counts only: the roster holds names and phone numbers, which stay out of the logs.
    [LoggerMessage(Level = LogLevel.Information, Message = "Roster import applied: {Created} people created, {Updated} updated, {Compounds} compounds and {Buildings} buildings created")]
    private static partial void ImportApplied(ILogger logger, int created, int updated, int compounds, int buildings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roster import of {Rows} rows refused by the store with {Errors} errors; nothing was written")]
    private static partial void ImportRefused(ILogger logger, int rows, int errors);
}
