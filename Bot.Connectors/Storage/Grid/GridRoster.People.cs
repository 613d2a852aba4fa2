using Bot.Skills.Grid;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Grid;

/// <summary>People on the roster and the escalation chain.</summary>
public sealed partial class GridRoster
{
    public Task<Person> UpsertPersonAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return WriteAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var (row, _) = await SavePersonAsync(db, person, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return row.ToPerson(person.BuildingIds.Distinct());
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Person>> ListPeopleAsync(GridRole? role, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.People.AsNoTracking();
        if (role is { } r)
        {
            query = query.Where(p => p.Role == (int)r);
        }

        return await WithBuildingsAsync(db, await query.OrderBy(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    public async Task<Person?> GetPersonAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.People.AsNoTracking().Where(p => p.Id == id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (await WithBuildingsAsync(db, rows, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<Person>> ResponsibleForAsync(long buildingId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var building = await db.Buildings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == buildingId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"没有楼栋 {buildingId}。");
        var (worker, leader, community) = ((int)GridRole.GridWorker, (int)GridRole.GridLeader, (int)GridRole.CommunityGrid);
        var rows = await db.People.AsNoTracking()
            .Where(p => p.Active && (
                (p.Role == worker && db.PersonBuildings.Any(l => l.PersonId == p.Id && l.BuildingId == buildingId))
                || (p.Role == leader && p.CompoundId == building.CompoundId)
                || p.Role == community))
            .OrderBy(p => p.Role).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return await WithBuildingsAsync(db, rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks a person against the stored roster and saves them with their buildings.</summary>
    private async Task<(PersonRow Row, bool Created)> SavePersonAsync(BotDbContext db, Person person, CancellationToken cancellationToken)
    {
        if (!PersonRules.TryNormalisePhone(person.Phone, out var phone, out var phoneError))
        {
            throw new RosterValidationException(phoneError);
        }

        var buildingIds = person.BuildingIds.Distinct().ToList();
        var buildings = await db.Buildings.Where(b => buildingIds.Contains(b.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (buildingIds.Except(buildings.Select(b => b.Id)).FirstOrDefault() is var missing and not 0)
        {
            throw new KeyNotFoundException($"没有楼栋 {missing}。");
        }

        // A grid worker's compound follows from their buildings, which must all be in one compound.
        var compoundId = person.CompoundId ?? buildings.FirstOrDefault()?.CompoundId;
        if (buildings.Any(b => b.CompoundId != compoundId))
        {
            throw new RosterConflictException("所选楼栋须都属于同一个小区（即此人所在小区）。");
        }

        if (compoundId is { } cid && await db.Compounds.FindAsync([cid], cancellationToken).ConfigureAwait(false) is null)
        {
            throw new KeyNotFoundException($"没有小区 {cid}。");
        }

        if (PersonRules.Check(person.Name, person.Role, compoundId is not null, buildingIds.Count) is { } rule)
        {
            throw new RosterValidationException(rule);
        }

        var weCom = string.IsNullOrWhiteSpace(person.WeComUserId) ? null : person.WeComUserId.Trim();
        if (person.Active && weCom is not null
            && await db.People.AnyAsync(p => p.Active && p.WeComUserId == weCom && p.Id != person.Id, cancellationToken).ConfigureAwait(false))
        {
            throw new RosterConflictException($"企业微信账号“{weCom}”已被另一位在岗人员使用。");
        }

        var row = person.Id == 0 ? null : await db.People.FindAsync([person.Id], cancellationToken).ConfigureAwait(false);
        var created = row is null;
        if (row is null)
        {
            if (person.Id != 0)
            {
                throw new KeyNotFoundException($"没有人员 {person.Id}。");
            }

            row = new PersonRow { Name = string.Empty, DutyHours = string.Empty };
            db.People.Add(row);
        }

        row.Name = person.Name.Trim();
        row.Role = (int)person.Role;
        (row.WeComUserId, row.Phone, row.DutyHours, row.CompoundId) = (weCom, phone, person.DutyHours.Text, compoundId);
        row.Specialties = string.Join('\n', person.Specialties.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct());
        (row.Active, row.UpdatedAtMs) = (person.Active, Now());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        db.PersonBuildings.RemoveRange(await db.PersonBuildings.Where(l => l.PersonId == row.Id).ToListAsync(cancellationToken).ConfigureAwait(false));
        db.PersonBuildings.AddRange(buildingIds.Select(b => new PersonBuildingRow { PersonId = row.Id, BuildingId = b }));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (row, created);
    }

    private static async Task<IReadOnlyList<Person>> WithBuildingsAsync(BotDbContext db, List<PersonRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var links = await db.PersonBuildings.AsNoTracking().Where(l => ids.Contains(l.PersonId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byPerson = links.ToLookup(l => l.PersonId, l => l.BuildingId);
        return rows.Select(r => r.ToPerson(byPerson[r.Id])).ToList();
    }
}
