using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Dispatch;
using Bot.Skills.Escalation;
using Bot.Skills.Grid;

namespace Bot.Skills.Tests.Dispatch;

public sealed class WorkerCommandHandlerTests
{
    private readonly DispatchFixture _f = new DispatchFixture().WithFullChain();

    private async Task<string> DispatchedAsync()
    {
        var ticket = await _f.FileAsync();
        await _f.Dispatcher.DispatchAsync(ticket, CancellationToken.None);
        return ticket.Number;
    }

    private Task<string> SayAsync(string user, string text) => _f.Commands.HandleAsync(user, text, CancellationToken.None);

    [Fact]
    public async Task Accept_MovesToInProgressWithTheWorkerAsActor()
    {
        var n = await DispatchedAsync();

        var answer = await SayAsync("zhaoliu", $"接单 {n}");

        Assert.StartsWith("已接单", answer);
        Assert.Equal(TicketState.InProgress, _f.Current(n).State);
        Assert.Equal("赵六", (await _f.Ledger.HistoryAsync(n, CancellationToken.None))[^1].Actor);
    }

    [Fact]
    public async Task Reply_IsTheFirstResponse_LaterCommandsKeepItsTime()
    {
        var n = await DispatchedAsync();
        _f.Clock.Advance(TimeSpan.FromMinutes(3));
        await SayAsync("zhaoliu", $"回复 {n} 马上到");
        var first = _f.Clock.GetUtcNow();
        _f.Clock.Advance(TimeSpan.FromMinutes(3));
        await SayAsync("zhaoliu", $"接单 {n}");

        Assert.Equal(first, _f.Current(n).RespondedAt);
    }

    [Fact]
    public async Task Escalate_IsNotAResponse()
    {
        var n = await DispatchedAsync();

        Assert.StartsWith("已升级", await SayAsync("zhaoliu", $"升级 {n}"));

        Assert.Null(_f.Current(n).RespondedAt);
    }

    [Fact]
    public async Task Reply_RelaysToTheResidentAndNotesItWithoutStateChange()
    {
        var n = await DispatchedAsync();

        var answer = await SayAsync("ZhaoLiu", $"回复 {n} 明天上午上门");

        Assert.StartsWith("已转告居民", answer);
        var (resident, reply) = Assert.Single(_f.Residents.Sent);
        Assert.Equal(DispatchFixture.Resident, resident);
        Assert.Equal($"网格员赵六回复（工单 {n}）：明天上午上门", reply.Text);
        Assert.Equal(TicketState.Dispatched, _f.Current(n).State);
        var last = (await _f.Ledger.HistoryAsync(n, CancellationToken.None))[^1];
        Assert.Equal(("赵六", "回复居民：明天上午上门"), (last.Actor, last.Note));
    }

    [Fact]
    public async Task Resolve_AsksTheResidentForARating()
    {
        var n = await DispatchedAsync();
        await SayAsync("zhaoliu", $"接单 {n}");

        var answer = await SayAsync("zhaoliu", $"办结 {n} 已协调改为白天施工");

        Assert.StartsWith("已办结上报", answer);
        Assert.Equal(TicketState.FollowUp, _f.Current(n).State);
        Assert.Contains("回复 1–5", Assert.Single(_f.Residents.Sent).Reply.Text);
    }

    [Fact]
    public async Task Return_And_Escalate_MoveTheTicket()
    {
        var returned = await DispatchedAsync();
        var escalated = await DispatchedAsync();

        Assert.StartsWith("已退回", await SayAsync("zhaoliu", $"退回 {returned} 不属于本网格"));
        Assert.StartsWith("已升级", await SayAsync("zhaoliu", $"升级 {escalated}"));

        Assert.Equal(TicketState.Returned, _f.Current(returned).State);
        Assert.Equal(TicketState.Escalated, _f.Current(escalated).State);
        Assert.Equal("申请升级处理", (await _f.Ledger.HistoryAsync(escalated, CancellationToken.None))[^1].Note);
    }

    [Fact]
    public async Task IllegalMove_AnswersWithTheLedgersReason()
    {
        var n = await DispatchedAsync();
        await SayAsync("zhaoliu", $"退回 {n} 不属于本网格");

        var answer = await SayAsync("zhaoliu", $"接单 {n}");

        Assert.Equal(new InvalidTicketTransitionException(TicketState.Returned, TicketState.InProgress).Message, answer);
        Assert.Equal(TicketState.Returned, _f.Current(n).State);
    }

    [Fact]
    public async Task UnknownUser_IsRefused()
    {
        var n = await DispatchedAsync();

        Assert.Equal(WorkerCommandHandler.NotOnRoster, await SayAsync("stranger", $"接单 {n}"));
        Assert.Equal(TicketState.Dispatched, _f.Current(n).State);
    }

    [Fact]
    public async Task InactivePerson_IsRefused()
    {
        _f.Roster.AddPerson("前任", GridRole.GridWorker, "former", "全天", _f.Building, active: false);

        Assert.Equal(WorkerCommandHandler.NotOnRoster, await SayAsync("former", "接单 1"));
    }

    [Fact]
    public async Task SomeoneElsesTicket_IsRefused()
    {
        var other = _f.Roster.AddBuilding("阳光花园", "5栋");
        _f.Roster.AddPerson("孙八", GridRole.GridWorker, "sunba", "全天", other);
        var n = await DispatchedAsync();

        Assert.Equal(WorkerCommandHandler.NotYours, await SayAsync("sunba", $"办结 {n} 已处理"));
        Assert.Equal(TicketState.Dispatched, _f.Current(n).State);
    }

    [Fact]
    public async Task TicketDispatchedToThem_IsTheirsEvenOutsideTheirBuilding()
    {
        var n = (await _f.FileAsync(place: "阳光花园5号楼")).Number;
        var lisi = (await _f.Roster.ListPeopleAsync(GridRole.GridLeader, CancellationToken.None)).Single(p => p.Name == "李四");
        await _f.Ledger.AssignAsync(n, TicketState.Dispatched, new Assignment(lisi.Id, EscalationLevel.Compound, null, null), "李四", "派单给 李四", CancellationToken.None);

        Assert.StartsWith("已接单", await SayAsync("lisi", $"接单 {n}"));
    }

    [Theory]
    [InlineData("你好", "可用指令")]
    [InlineData("接单", "后面要跟工单号")]
    [InlineData("办结 1", "处理说明")]
    public async Task Malformed_AnswersWithTheParsersMessage(string text, string expected)
    {
        Assert.Contains(expected, await SayAsync("zhaoliu", text));
    }

    [Fact]
    public async Task UnknownTicket_And_EndSession_Explain()
    {
        Assert.Contains("没有找到工单 2026-000999", await SayAsync("zhaoliu", "接单 999"));
        Assert.Equal(WorkerCommandHandler.NoSession, await SayAsync("zhaoliu", "结束"));
    }

    [Fact]
    public async Task BareNumber_MeansThisYearsTicket()
    {
        var n = await DispatchedAsync();

        Assert.StartsWith("已接单", await SayAsync("zhaoliu", $"接单 {int.Parse(n[5..], System.Globalization.CultureInfo.InvariantCulture)}"));
    }
}
