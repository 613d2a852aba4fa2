using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Escalation;
using Bot.Skills.Grid;
using Bot.Skills.Tests.Engine;

namespace Bot.Skills.Tests.Dispatch;

public sealed class TicketDispatcherTests
{
    [Fact]
    public async Task Dispatch_ChoosesFirstWorkerOnDutyAndRecordsIt()
    {
        var f = new DispatchFixture().WithFullChain();
        var ticket = await f.FileAsync();

        var result = await f.Dispatcher.DispatchAsync(ticket, CancellationToken.None);

        Assert.Equal("赵六", result!.Assignee.Name);
        var (user, card) = Assert.Single(f.Staff.Sent);
        Assert.Equal("zhaoliu", user);
        Assert.Equal(ticket.Number, card.TicketNumber);
        Assert.Contains("黄色", card.Description);
        Assert.Contains("噪声扰民", card.Description);
        Assert.Contains("幸福里小区3栋", card.Description);
        Assert.Contains("138****5678", card.Description);
        Assert.DoesNotContain("13812345678", card.Description);
        Assert.Contains($"接单 {ticket.Number}", card.Description);
        Assert.Equal(TicketState.Dispatched, f.Current(ticket.Number).State);
        var entry = (await f.Ledger.HistoryAsync(ticket.Number, CancellationToken.None))[^1];
        Assert.Equal(("赵六", "派单给 赵六"), (entry.Actor, entry.Note));
    }

    [Fact]
    public async Task Dispatch_RecordsTheAssigneeByIdWithTheWindowFromFiling()
    {
        var f = new DispatchFixture().WithFullChain();
        var ticket = await f.FileAsync();
        f.Clock.Advance(TimeSpan.FromMinutes(2));

        var result = await f.Dispatcher.DispatchAsync(ticket, CancellationToken.None);

        var current = f.Current(ticket.Number);
        Assert.Equal((result!.Assignee.Id, EscalationLevel.Building), (current.AssigneeId, current.Level));
        Assert.Equal((ticket.CreatedAt.AddMinutes(12), ticket.CreatedAt.AddMinutes(15)), (current.RemindAt, current.ResponseDueAt));
    }

    [Fact]
    public async Task Dispatch_AmongWorkersOnDuty_FewestActiveTicketsWins()
    {
        var f = new DispatchFixture().WithFullChain();
        f.Roster.AddPerson("周九", GridRole.GridWorker, "zhoujiu", "全天", f.Building);

        var first = await f.Dispatcher.DispatchAsync(await f.FileAsync(), CancellationToken.None);
        var second = await f.Dispatcher.DispatchAsync(await f.FileAsync(), CancellationToken.None);
        await f.Ledger.TransitionAsync(second!.Ticket.Number, TicketState.Returned, "周九", "不属于本网格", CancellationToken.None);
        var third = await f.Dispatcher.DispatchAsync(await f.FileAsync(), CancellationToken.None);

        // 赵六 first (tie, roster order), then 周九 (赵六 has one); 周九's returned ticket no longer counts.
        Assert.Equal(["赵六", "周九", "周九"], new[] { first!, second, third! }.Select(r => r.Assignee.Name));
    }

    [Fact]
    public async Task Dispatch_NoWorkerOnDuty_FallsBackToLeader()
    {
        var f = new DispatchFixture();
        f.Roster.AddPerson("张三", GridRole.GridWorker, "zhangsan", "周末 08:00-18:00", f.Building);
        f.Roster.AddPerson("李四", GridRole.GridLeader, "lisi", "全天", compoundId: f.Building.CompoundId);
        f.Roster.AddPerson("王五", GridRole.CommunityGrid, "wangwu", "全天");

        var result = await f.Dispatcher.DispatchAsync(await f.FileAsync(), CancellationToken.None);

        Assert.Equal("李四", result!.Assignee.Name);
        Assert.Equal("lisi", Assert.Single(f.Staff.Sent).UserId);
    }

    [Fact]
    public async Task Dispatch_NoLeader_FallsBackToCommunityGrid_AndSkipsPeopleWithoutWeCom()
    {
        var f = new DispatchFixture();
        f.Roster.AddPerson("钱七", GridRole.GridWorker, null, "全天", f.Building);
        f.Roster.AddPerson("王五", GridRole.CommunityGrid, "wangwu", "全天");

        var result = await f.Dispatcher.DispatchAsync(await f.FileAsync(), CancellationToken.None);

        Assert.Equal("王五", result!.Assignee.Name);
    }

    [Fact]
    public async Task Dispatch_Red_AlsoGoesToTheLeader()
    {
        var f = new DispatchFixture().WithFullChain();
        var ticket = await f.FileAsync(colour: Colour.Red, text: "3栋楼道煤气味很浓");

        await f.Dispatcher.DispatchAsync(ticket, CancellationToken.None);

        Assert.Equal(["zhaoliu", "lisi"], f.Staff.Sent.Select(s => s.UserId));
        Assert.StartsWith("【红色】", f.Staff.Sent[0].Card.Title);
    }

    [Fact]
    public async Task Dispatch_UnknownPlaceAndUnboundResident_SendsNothingAndStaysAccepted()
    {
        var f = new DispatchFixture().WithFullChain();
        var ticket = await f.FileAsync(place: "阳光花园5号楼");

        Assert.Null(await f.Dispatcher.DispatchAsync(ticket, CancellationToken.None));

        Assert.Empty(f.Staff.Sent);
        Assert.Equal(TicketState.Accepted, f.Current(ticket.Number).State);
    }

    [Fact]
    public async Task Dispatch_NoPlace_UsesTheResidentsBoundBuilding()
    {
        var f = new DispatchFixture().WithFullChain();
        f.Roster.Bind(DispatchFixture.Resident, f.Building);

        var result = await f.Dispatcher.DispatchAsync(await f.FileAsync(place: null), CancellationToken.None);

        Assert.Equal("赵六", result!.Assignee.Name);
    }

    [Theory]
    [InlineData("幸福里小区3号楼2单元")]
    [InlineData("幸福里小区三栋")]
    [InlineData("幸福里小区3幢")]
    public async Task Dispatch_OtherSpellingsOfTheBuilding_Match(string place)
    {
        var f = new DispatchFixture().WithFullChain();

        Assert.NotNull(await f.Dispatcher.DispatchAsync(await f.FileAsync(place), CancellationToken.None));
    }

    [Fact]
    public async Task ComplaintSkill_RedWithoutPlace_DispatchedOnceThePlaceIsGiven()
    {
        var gas = new SafetyAlert("燃气泄漏", "119", "开窗通风，到室外拨打119。");
        var kit = new EngineTestKit(new Complaints.KeywordClassifier().On("煤气味", ComplaintCategories.Safety, Colour.Red, alert: gas));
        var building = kit.Roster.AddBuilding("幸福里小区", "3栋");
        kit.Roster.AddPerson("赵六", GridRole.GridWorker, "zhaoliu", "全天", building);
        kit.Roster.AddPerson("李四", GridRole.GridLeader, "lisi", "全天", compoundId: building.CompoundId);

        await kit.SayAsync("r1", "楼道里煤气味特别浓");
        Assert.Empty(kit.Staff.Sent);
        await kit.SayAsync("r1", "幸福里小区3栋");

        Assert.Equal(TicketState.Dispatched, Assert.Single(kit.Tickets.Tickets).State);
        // The two work cards, then the red ticket's live session with its assignee.
        Assert.Equal(["zhaoliu", "lisi", "zhaoliu"], kit.Staff.Sent.Select(s => s.UserId));
        Assert.StartsWith("【人工服务】红色工单", kit.Staff.Sent[2].Card.Title);
    }

    [Fact]
    public async Task ComplaintSkill_DispatchFails_ResidentStillGetsTheTicket()
    {
        var kit = new EngineTestKit(new Complaints.KeywordClassifier().On("装修", ComplaintCategories.Noise));
        kit.Roster.Broken = true;

        var result = await kit.SayAsync("r1", "幸福里小区3栋楼上每天半夜装修");

        var ticket = Assert.Single(kit.Tickets.Tickets);
        Assert.Contains(ticket.Number, result.Replies[0].Text);
        Assert.Equal(TicketState.Accepted, ticket.State);
        Assert.Empty(kit.Staff.Sent);
    }

    [Fact]
    public async Task ComplaintSkill_DispatchesRightAfterFiling()
    {
        var kit = new EngineTestKit(new Complaints.KeywordClassifier().On("装修", ComplaintCategories.Noise));
        var building = kit.Roster.AddBuilding("幸福里小区", "3栋");
        kit.Roster.AddPerson("赵六", GridRole.GridWorker, "zhaoliu", "全天", building);

        var result = await kit.SayAsync("r1", "幸福里小区3栋楼上每天半夜装修");

        var ticket = Assert.Single(kit.Tickets.Tickets);
        Assert.Contains(ticket.Number, result.Replies[0].Text);
        Assert.Equal(TicketState.Dispatched, ticket.State);
        Assert.Equal("zhaoliu", Assert.Single(kit.Staff.Sent).UserId);
    }
}
