using Bot.Skills.Grid;

namespace Bot.Connectors.Tests.Storage.Grid;

public sealed class GridRosterImportTests : IDisposable
{
    private const string Roster = "姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长\r\n"
        + "张三,楼栋网格员,zhangsan,13812345678,周一至周五 08:30-17:30,幸福里小区,3栋；4栋,水电\r\n"
        + "李四,小区网格长,lisi,13900000000,每天 09:00-21:00,幸福里小区,,\r\n"
        + "王五,社区总网格,wangwu,,全天,,,\r\n"
        + "赵六,调解员,,13700000000,周六 09:00-12:00,,,邻里纠纷|家庭矛盾\r\n";

    private readonly StorageTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<RosterImportResult> ImportAsync(string csv)
    {
        var parsed = RosterCsv.Parse(csv);
        Assert.True(parsed.Succeeded, string.Join("；", parsed.Errors.Select(e => e.Message)));
        return await _database.Roster.ImportAsync(parsed.Entries, CancellationToken.None);
    }

    private async Task<string> ExportAsync()
    {
        var roster = _database.Roster;
        var compounds = (await roster.ListCompoundsAsync(CancellationToken.None)).ToDictionary(c => c.Id);
        var buildings = (await roster.ListBuildingsAsync(null, CancellationToken.None)).ToDictionary(b => b.Id);
        var people = await roster.ListPeopleAsync(null, CancellationToken.None);
        return RosterCsv.Write(people.Select(p => RosterCsv.ToEntry(p, compounds, buildings)));
    }

    [Fact]
    public async Task Import_GoodRoster_CreatesPlacesAndPeople()
    {
        var result = await ImportAsync(Roster);

        Assert.Equal(new RosterImportSummary(1, 2, 4, 0), result.Summary);
        var three = await _database.Roster.FindBuildingAsync("幸福里小区", "3栋", CancellationToken.None);
        var chain = await _database.Roster.ResponsibleForAsync(three!.Id, CancellationToken.None);
        Assert.Equal(["张三", "李四", "王五"], chain.Select(p => p.Name));
    }

    [Fact]
    public async Task Import_SameRosterTwice_UpdatesInsteadOfDuplicating()
    {
        await ImportAsync(Roster);

        var again = await ImportAsync(Roster.Replace("周一至周五 08:30-17:30", "每天 08:00-20:00", StringComparison.Ordinal));

        Assert.Equal(new RosterImportSummary(0, 0, 0, 4), again.Summary);
        var people = await _database.Roster.ListPeopleAsync(GridRole.GridWorker, CancellationToken.None);
        Assert.Equal("每天 08:00-20:00", Assert.Single(people).DutyHours.Text);
    }

    [Fact]
    public async Task Export_AfterImport_RoundTrips()
    {
        await ImportAsync(Roster);

        var exported = await ExportAsync();

        Assert.Equal(RosterCsv.Write(RosterCsv.Parse(Roster).Entries), exported);
        await ImportAsync(exported);
        Assert.Equal(exported, await ExportAsync());
    }

    [Fact]
    public async Task Import_RowRefusedByStore_NothingImported()
    {
        await _database.Roster.UpsertCompoundAsync(new Compound(0, "和平苑", null), CancellationToken.None);

        // The CSV reader catches this row; the store must still refuse it, after the good rows before it were written.
        var entries = RosterCsv.Parse(Roster).Entries
            .Append(new RosterEntry(6, "孙八", GridRole.GridWorker, "sunba", null, DutyHours.AllDay, null, [], [])).ToList();

        var result = await _database.Roster.ImportAsync(entries, CancellationToken.None);

        Assert.Null(result.Summary);
        var error = Assert.Single(result.Errors);
        Assert.Equal(6, error.Row);
        Assert.Contains("楼栋网格员须填写", error.Message);
        Assert.Equal(["和平苑"], (await _database.Roster.ListCompoundsAsync(CancellationToken.None)).Select(c => c.Name));
        Assert.Empty(await _database.Roster.ListBuildingsAsync(null, CancellationToken.None));
        Assert.Empty(await _database.Roster.ListPeopleAsync(null, CancellationToken.None));
    }
}
