using Bot.Connectors.Storage.Grid;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Tests.Storage.Grid;

public sealed class GridRosterTests : IDisposable
{
    private readonly StorageTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private Bot.Connectors.Storage.Grid.GridRoster Roster => _database.Roster;

    private static Person NewPerson(string name, GridRole role, string? weCom = null, long? compound = null, params long[] buildings) =>
        new(0, name, role, weCom, null, DutyHours.AllDay, compound, buildings, [], Active: true);

    private async Task<(Compound Compound, Building Three, Building Four)> SeedAsync()
    {
        var compound = await Roster.UpsertCompoundAsync(new Compound(0, "幸福里小区", "幸福路 1 号"), CancellationToken.None);
        var three = await Roster.UpsertBuildingAsync(new Building(0, compound.Id, "3栋"), CancellationToken.None);
        var four = await Roster.UpsertBuildingAsync(new Building(0, compound.Id, "4栋"), CancellationToken.None);
        return (compound, three, four);
    }

    [Fact]
    public async Task UpsertCompound_Rename_KeepsIdAndListsOnce()
    {
        var created = await Roster.UpsertCompoundAsync(new Compound(0, " 幸福里小区 ", null), CancellationToken.None);

        var renamed = await Roster.UpsertCompoundAsync(created with { Name = "幸福里" }, CancellationToken.None);

        Assert.Equal(created.Id, renamed.Id);
        Assert.Equal("幸福里", Assert.Single(await Roster.ListCompoundsAsync(CancellationToken.None)).Name);
    }

    [Fact]
    public async Task UpsertCompound_DuplicateName_Conflicts()
    {
        await Roster.UpsertCompoundAsync(new Compound(0, "幸福里小区", null), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<RosterConflictException>(() => Roster.UpsertCompoundAsync(new Compound(0, "幸福里小区", null), CancellationToken.None));
        Assert.Contains("幸福里小区", ex.Message);
    }

    [Fact]
    public async Task UpsertBuilding_SameNameInOtherCompound_AllowedButNotTwiceInOne()
    {
        var (_, three, _) = await SeedAsync();
        var other = await Roster.UpsertCompoundAsync(new Compound(0, "和平苑", null), CancellationToken.None);

        await Roster.UpsertBuildingAsync(new Building(0, other.Id, "3栋"), CancellationToken.None);

        await Assert.ThrowsAsync<RosterConflictException>(() => Roster.UpsertBuildingAsync(new Building(0, three.CompoundId, "3栋"), CancellationToken.None));
        Assert.Equal(three.Id, (await Roster.FindBuildingAsync("幸福里小区", "3栋", CancellationToken.None))?.Id);
        Assert.Null(await Roster.FindBuildingAsync("幸福里小区", "9栋", CancellationToken.None));
    }

    [Fact]
    public async Task UpsertPerson_GridWorker_TakesCompoundFromBuildings()
    {
        var (compound, three, four) = await SeedAsync();

        var saved = await Roster.UpsertPersonAsync(NewPerson("张三", GridRole.GridWorker, "zhangsan", null, three.Id, four.Id) with { Phone = "138-1234-5678" }, CancellationToken.None);

        var read = await Roster.GetPersonAsync(saved.Id, CancellationToken.None);
        Assert.Equal(compound.Id, read!.CompoundId);
        Assert.Equal([three.Id, four.Id], read.BuildingIds);
        Assert.Equal("13812345678", read.Phone);
    }

    [Fact]
    public async Task UpsertPerson_WeComIdOfActivePerson_ConflictsUnlessDeactivated()
    {
        var (compound, _, _) = await SeedAsync();
        var first = await Roster.UpsertPersonAsync(NewPerson("李四", GridRole.GridLeader, "lisi", compound.Id), CancellationToken.None);

        await Assert.ThrowsAsync<RosterConflictException>(() => Roster.UpsertPersonAsync(NewPerson("李四二", GridRole.CommunityGrid, "lisi"), CancellationToken.None));

        await Roster.UpsertPersonAsync(first with { Active = false }, CancellationToken.None);
        var second = await Roster.UpsertPersonAsync(NewPerson("李四二", GridRole.CommunityGrid, "lisi"), CancellationToken.None);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task UpsertPerson_BrokenRules_Refused()
    {
        var (compound, three, _) = await SeedAsync();
        var other = await Roster.UpsertCompoundAsync(new Compound(0, "和平苑", null), CancellationToken.None);

        await Assert.ThrowsAsync<RosterValidationException>(() => Roster.UpsertPersonAsync(NewPerson("张三", GridRole.GridWorker), CancellationToken.None));
        await Assert.ThrowsAsync<RosterValidationException>(() => Roster.UpsertPersonAsync(NewPerson("李四", GridRole.GridLeader), CancellationToken.None));
        await Assert.ThrowsAsync<RosterValidationException>(() => Roster.UpsertPersonAsync(NewPerson("王五", GridRole.Department) with { Phone = "12345" }, CancellationToken.None));
        await Assert.ThrowsAsync<RosterConflictException>(() => Roster.UpsertPersonAsync(NewPerson("赵六", GridRole.GridWorker, null, other.Id, three.Id), CancellationToken.None));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Roster.UpsertPersonAsync(NewPerson("钱七", GridRole.GridWorker, null, compound.Id, 999), CancellationToken.None));
        Assert.Empty(await Roster.ListPeopleAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task ResponsibleFor_Building_WorkersThenLeaderThenCommunityGrid()
    {
        var (compound, three, four) = await SeedAsync();
        var other = await Roster.UpsertCompoundAsync(new Compound(0, "和平苑", null), CancellationToken.None);
        await Roster.UpsertPersonAsync(NewPerson("总网格", GridRole.CommunityGrid, "grid"), CancellationToken.None);
        await Roster.UpsertPersonAsync(NewPerson("网格长", GridRole.GridLeader, "leader", compound.Id), CancellationToken.None);
        await Roster.UpsertPersonAsync(NewPerson("别处网格长", GridRole.GridLeader, "leader2", other.Id), CancellationToken.None);
        await Roster.UpsertPersonAsync(NewPerson("四栋网格员", GridRole.GridWorker, "four", null, four.Id), CancellationToken.None);
        await Roster.UpsertPersonAsync(NewPerson("三栋网格员", GridRole.GridWorker, "three", null, three.Id), CancellationToken.None);
        var left = await Roster.UpsertPersonAsync(NewPerson("离职网格员", GridRole.GridWorker, "gone", null, three.Id), CancellationToken.None);
        await Roster.UpsertPersonAsync(left with { Active = false }, CancellationToken.None);
        await Roster.UpsertPersonAsync(NewPerson("调解员", GridRole.Mediator, "mediator"), CancellationToken.None);

        var chain = await Roster.ResponsibleForAsync(three.Id, CancellationToken.None);

        Assert.Equal(["三栋网格员", "网格长", "总网格"], chain.Select(p => p.Name));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Roster.ResponsibleForAsync(999, CancellationToken.None));
    }

    [Fact]
    public async Task BindResident_BindChange_OtherResidentUnaffected()
    {
        var (_, three, four) = await SeedAsync();
        var alice = new ResidentKey("wechat", "openid-alice");
        var bob = new ResidentKey("wechat", "openid-bob");
        Assert.Null(await Roster.GetResidentBuildingAsync(alice, CancellationToken.None));

        await Roster.BindResidentAsync(alice, three.Id, CancellationToken.None);
        await Roster.BindResidentAsync(bob, three.Id, CancellationToken.None);
        await Roster.BindResidentAsync(alice, four.Id, CancellationToken.None);

        Assert.Equal(four, await Roster.GetResidentBuildingAsync(alice, CancellationToken.None));
        Assert.Equal(three, await Roster.GetResidentBuildingAsync(bob, CancellationToken.None));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Roster.BindResidentAsync(bob, 999, CancellationToken.None));
        Assert.Equal(three, await Roster.GetResidentBuildingAsync(bob, CancellationToken.None));
    }

    [Fact]
    public async Task Schema_WeComIdUniqueAmongActivePeopleOnly()
    {
        PersonRow Row(bool active) => new() { Name = "张三", DutyHours = "全天", WeComUserId = "zhangsan", Active = active };
        await using var db = await _database.Contexts.CreateDbContextAsync();
        db.People.AddRange(Row(active: false), Row(active: false), Row(active: true));
        await db.SaveChangesAsync();

        db.People.Add(Row(active: true));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
