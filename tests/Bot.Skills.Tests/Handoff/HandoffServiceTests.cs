using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.Skills.Escalation;
using Bot.Skills.Grid;
using Bot.Skills.Handoff;

namespace Bot.Skills.Tests.Handoff;

public sealed class HandoffServiceTests
{
    [Fact]
    public async Task Open_TwoResidentsAtOnce_GoToTwoWorkers()
    {
        var kit = HandoffKit.Create();
        kit.Bind("r1");
        kit.Bind("r2");

        await Task.WhenAll(kit.SayAsync("r1", "转人工"), kit.SayAsync("r2", "转人工"));

        Assert.Equal(["qianqi", "zhaoliu"], kit.Sessions.All.Select(s => s.WorkerUserId).Order());
    }

    [Fact]
    public async Task Open_FewestOpenTickets_Preferred()
    {
        var kit = HandoffKit.Create();
        kit.Bind("r1");
        var ticket = await kit.Tickets.OpenAsync(new NewTicket(new ResidentKey("test", "other"), new ComplaintAssessment(ComplaintCategories.Noise, Colour.Yellow, 0.9, "社区", [], null),
            "吵", "幸福里小区3栋", null, null, null, [], "模拟器"), CancellationToken.None);
        var zhaoliu = (await kit.Roster.ListPeopleAsync(GridRole.GridWorker, CancellationToken.None)).Single(p => p.Name == "赵六");
        await kit.Tickets.AssignAsync(ticket.Number, TicketState.Dispatched, new Assignment(zhaoliu.Id, EscalationLevel.Building, null, null), "赵六", "派单给 赵六", CancellationToken.None);

        var result = await kit.SayAsync("r1", "找网格员");

        Assert.Contains("钱七", result.Replies[0].Text);
    }

    [Fact]
    public async Task Open_NoWorkerOnDuty_LeaderOnDutyTakesIt()
    {
        var kit = HandoffKit.Create(workerDuty: "周末 08:00-18:00", leaderDuty: "全天");
        kit.Bind("r1");

        var result = await kit.SayAsync("r1", "转人工");

        Assert.StartsWith("已为您转接网格长李四", result.Replies[0].Text);
    }

    [Fact]
    public async Task Open_NobodyOnDuty_PromisesNextShiftWithEmergencyNumbersAndTellsLeader()
    {
        var kit = HandoffKit.Create(workerDuty: "周一至周五 08:30-17:30", leaderDuty: "周一至周五 09:00-17:30");
        kit.Bind("r1");
        kit.Clock.Advance(TimeSpan.FromHours(11)); // Wednesday 20:00

        var result = await kit.SayAsync("r1", "转人工");

        var text = Assert.Single(result.Replies).Text;
        Assert.Contains("网格员将于明天 08:30后联系您", text);
        Assert.Contains("110", text);
        Assert.Contains("119", text);
        Assert.Contains("120", text);
        Assert.Empty(kit.Sessions.All);
        var (user, card) = Assert.Single(kit.Staff.Sent);
        Assert.Equal("lisi", user);
        Assert.Contains("请上班后尽快联系", card.Description);
    }

    [Fact]
    public async Task Open_UnknownBuilding_AsksOnceBindsAndConnects()
    {
        var kit = HandoffKit.Create();

        var ask = await kit.SayAsync("r1", "转人工");
        Assert.Equal(HandoffTexts.AskBuilding, Assert.Single(ask.Replies).Text);

        var connected = await kit.SayAsync("r1", "幸福里3号楼");

        Assert.StartsWith("已为您转接网格员", connected.Replies[0].Text);
        Assert.Equal(kit.Building(), await kit.Roster.GetResidentBuildingAsync(new ResidentKey("test", "r1"), CancellationToken.None));
        Assert.Empty((await kit.SayAsync("r1", "在吗")).Replies);
    }

    [Fact]
    public async Task Open_BuildingNotOnRosterTwice_ListsCompoundsThenCommunityGrid()
    {
        var kit = HandoffKit.Create();
        await kit.SayAsync("r1", "转人工");

        var again = await kit.SayAsync("r1", "阳光花园9栋");
        Assert.Contains("本社区的小区有：幸福里小区、和谐家园", Assert.Single(again.Replies).Text);

        var fallback = await kit.SayAsync("r1", "不知道");

        Assert.Contains("社区网格", fallback.Replies[0].Text);
        Assert.StartsWith("已为您转接社区网格员王五", fallback.Replies[1].Text);
        Assert.Equal("wangwu", Assert.Single(kit.Sessions.All).WorkerUserId);
    }

    [Fact]
    public async Task BuildingSkill_StateShowAndChange()
    {
        var kit = HandoffKit.Create();

        Assert.Contains("还没有登记", (await kit.SayAsync("r1", "我住哪")).Replies[0].Text);
        Assert.Contains("已记下：您住在幸福里小区3栋", (await kit.SayAsync("r1", "我住在幸福里3栋")).Replies[0].Text);
        Assert.Contains("幸福里小区3栋", (await kit.SayAsync("r1", "我的楼栋")).Replies[0].Text);
        Assert.Equal(HandoffTexts.AskBuilding, (await kit.SayAsync("r1", "我搬家了")).Replies[0].Text);
        Assert.Contains("和谐家园1栋", (await kit.SayAsync("r1", "和谐家园1栋")).Replies[0].Text);
        Assert.Equal("1栋", (await kit.Roster.GetResidentBuildingAsync(new ResidentKey("test", "r1"), CancellationToken.None))!.Name);
    }

    [Fact]
    public void When_RelativeDays_ChinaTime()
    {
        var now = new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal("明天 08:30", HandoffTexts.When(now.AddHours(12.5), now));
        Assert.Equal("今天 21:00", HandoffTexts.When(now.AddHours(1), now));
        Assert.Equal("11月30日 08:30", HandoffTexts.When(new DateTimeOffset(2026, 11, 30, 0, 30, 0, TimeSpan.Zero), now));
    }
}
