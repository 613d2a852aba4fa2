using Bot.Skills.Grid;

namespace Bot.Skills.Tests.Grid;

public sealed class RosterCsvTests
{
    private const string Header = "姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长\r\n";

    private static RosterCsvResult Parse(params string[] rows) => RosterCsv.Parse(Header + string.Join("\r\n", rows));

    [Fact]
    public void Parse_GoodRoster_ReadsEveryField()
    {
        var result = RosterCsv.Parse("\uFEFF" + Header
            + "张三,楼栋网格员,zhangsan,138 1234 5678,周一至周五 08:30-17:30,幸福里小区,3栋；4栋|5栋,\"水电,维修\"\n"
            + "李四,小区网格长,lisi,13900000000,每天 09:00-21:00,幸福里小区,,\n"
            + "\"王\"\"五\",调解员,,,全天,,,\"邻里纠纷\r\n家庭矛盾\"\n");

        Assert.True(result.Succeeded);
        var zhang = result.Entries[0];
        Assert.Equal((2, "张三", GridRole.GridWorker, "zhangsan", "13812345678"), (zhang.Row, zhang.Name, zhang.Role, zhang.WeComUserId, zhang.Phone));
        Assert.Equal("幸福里小区", zhang.CompoundName);
        Assert.Equal(["3栋", "4栋", "5栋"], zhang.BuildingNames);
        Assert.Equal(["水电,维修"], zhang.Specialties);
        Assert.Equal(GridRole.GridLeader, result.Entries[1].Role);
        Assert.Equal("王\"五", result.Entries[2].Name);
        Assert.Equal(["邻里纠纷\r\n家庭矛盾"], result.Entries[2].Specialties);
        Assert.Null(result.Entries[2].WeComUserId);
    }

    [Fact]
    public void Write_ThenParse_RoundTrips()
    {
        var first = Parse(
            "张三,楼栋网格员,zhangsan,13812345678,周一至周五 08:30-17:30,幸福里小区,3栋；4栋,\"水电,维修\"",
            "\"王\"\"五\",社区总网格,wangwu,,全天,,,");

        var again = RosterCsv.Parse(RosterCsv.Write(first.Entries));

        Assert.True(again.Succeeded);
        Assert.Equal(RosterCsv.Write(first.Entries), RosterCsv.Write(again.Entries));
        Assert.Equal(["3栋", "4栋"], again.Entries[0].BuildingNames);
        Assert.Equal("王\"五", again.Entries[1].Name);
    }

    [Theory]
    [InlineData("张三,网格员,zs,,全天,幸福里小区,3栋,", "角色“网格员”无法识别")]
    [InlineData("张三,楼栋网格员,zs,,每天 25:00-26:00,幸福里小区,3栋,", "25:00")]
    [InlineData("张三,楼栋网格员,zs,1381234567,全天,幸福里小区,3栋,", "11 位数字")]
    [InlineData("张三,楼栋网格员,zs,,全天,幸福里小区,,", "楼栋网格员须填写负责的小区和楼栋")]
    [InlineData("张三,楼栋网格员,zs,,全天,,3栋,", "须同时填写小区")]
    [InlineData("张三,小区网格长,zs,,全天,,,", "小区网格长须填写所在小区")]
    [InlineData(",部门,zs,,全天,,,", "姓名不能为空")]
    public void Parse_BadRow_ReportsRowAndKeepsNothing(string badRow, string message)
    {
        var result = Parse("李四,社区总网格,lisi,,全天,,,", badRow, "王五,部门,wangwu,,全天,,,");

        Assert.False(result.Succeeded);
        Assert.Empty(result.Entries);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Row);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Parse_DuplicateWeComId_NamesBothRows()
    {
        var result = Parse("李四,社区总网格,same,,全天,,,", "王五,部门,other,,全天,,,", "赵六,部门,same,,全天,,,");

        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Row);
        Assert.Contains("与第 2 行重复", error.Message);
        Assert.Empty(result.Entries);
    }

    [Fact]
    public void Parse_SeveralBadRows_ReportsEachWithItsRow()
    {
        var result = Parse("甲,队长,,,全天,,,", "乙,部门,,123,全天,,,", "丙,部门,,,每天 08:00-07:61,,,");

        Assert.Equal([2, 3, 4], result.Errors.Select(e => e.Row));
    }

    [Theory]
    [InlineData("名字,角色\r\n张三,部门")]
    [InlineData("")]
    public void Parse_WrongHeader_RefusedAtRowOne(string text) =>
        Assert.Equal(1, Assert.Single(RosterCsv.Parse(text).Errors).Row);

    [Fact]
    public void Parse_UnclosedQuote_Refused() =>
        Assert.Contains("引号", Assert.Single(Parse("\"张三,部门,,,全天,,,").Errors).Message);
}
