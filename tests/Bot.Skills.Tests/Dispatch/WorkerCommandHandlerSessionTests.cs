using Bot.Skills.Engine;
using Bot.Skills.Handoff;

namespace Bot.Skills.Tests.Dispatch;

/// <summary>The worker's side of a live hand-off session: relayed text, 结束, and commands that still work.</summary>
public sealed class WorkerCommandHandlerSessionTests
{
    private static readonly ResidentKey Other = new("simulator", "r2");

    private readonly DispatchFixture _f = new DispatchFixture().WithFullChain();

    private Task<string> SayAsync(string user, string? text) => _f.Commands.HandleAsync(user, text, CancellationToken.None);

    private Task<HandoffSession> OpenAsync(ResidentKey resident, string worker = "zhaoliu") =>
        _f.Sessions.OpenAsync(new NewHandoffSession(resident, 2, worker, "赵六", null), _f.Clock.GetUtcNow(), CancellationToken.None);

    [Fact]
    public async Task Text_DuringSession_RelayedToResident()
    {
        await OpenAsync(DispatchFixture.Resident);

        var answer = await SayAsync("ZhaoLiu", "您好，我十分钟后到");

        Assert.Equal("已转告居民。", answer);
        var (resident, reply) = Assert.Single(_f.Residents.Sent);
        Assert.Equal(DispatchFixture.Resident, resident);
        Assert.Equal("网格员赵六：您好，我十分钟后到", reply.Text);
    }

    [Fact]
    public async Task Text_WithoutSession_GetsHelp()
    {
        Assert.StartsWith("可用指令", await SayAsync("zhaoliu", "您好"));
        Assert.Empty(_f.Residents.Sent);
    }

    [Fact]
    public async Task MalformedCommand_DuringSession_ExplainedNotRelayed()
    {
        await OpenAsync(DispatchFixture.Resident);

        Assert.Contains("后面要跟工单号", await SayAsync("zhaoliu", "接单"));
        Assert.Contains("请写上回复内容", await SayAsync("zhaoliu", "回复 2026-000001"));
        Assert.Empty(_f.Residents.Sent);
    }

    [Fact]
    public async Task Command_DuringSession_StillApplies()
    {
        var ticket = await _f.FileAsync();
        await _f.Dispatcher.DispatchAsync(ticket, CancellationToken.None);
        await OpenAsync(DispatchFixture.Resident);

        Assert.StartsWith("已接单", await SayAsync("zhaoliu", $"接单 {ticket.Number}"));
    }

    [Fact]
    public async Task End_DuringSession_EndsOnceAndTellsResident()
    {
        var session = await OpenAsync(DispatchFixture.Resident);

        var answer = await SayAsync("zhaoliu", "结束");

        Assert.StartsWith("已结束与居民", answer);
        Assert.Equal(HandoffTexts.Ended, Assert.Single(_f.Residents.Sent).Reply.Text);
        Assert.Equal(HandoffEndReason.Worker, _f.Sessions.All.Single(s => s.Id == session.Id).EndReason);
        Assert.Equal(HandoffRelay.NoSession, await SayAsync("zhaoliu", "结束"));
    }

    [Fact]
    public async Task TwoSessions_RelayGoesToMostRecentlyActive_AndSaysSo()
    {
        await OpenAsync(DispatchFixture.Resident);
        _f.Clock.Advance(TimeSpan.FromMinutes(1));
        await OpenAsync(Other);

        var answer = await SayAsync("zhaoliu", "马上到");

        Assert.Contains("2 个进行中的对话", answer);
        Assert.Equal(Other, Assert.Single(_f.Residents.Sent).Resident);
        Assert.Contains("还有 1 个进行中的对话", await SayAsync("zhaoliu", "结束"));
    }

    [Fact]
    public async Task Text_AfterIdleTimeout_EndsSessionInsteadOfRelaying()
    {
        await OpenAsync(DispatchFixture.Resident);
        _f.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.StartsWith("可用指令", await SayAsync("zhaoliu", "还在吗"));
        Assert.Equal(HandoffTexts.TimedOut, Assert.Single(_f.Residents.Sent).Reply.Text);
    }

    [Fact]
    public async Task UnknownUser_DuringSession_NotOnRoster()
    {
        await OpenAsync(DispatchFixture.Resident);

        Assert.Equal(Bot.Skills.Dispatch.WorkerCommandHandler.NotOnRoster, await SayAsync("stranger", "结束"));
        Assert.Empty(_f.Residents.Sent);
    }

    [Fact]
    public async Task EndAllIdle_EndsOnlyIdleSessions_AndTellsBothSides()
    {
        await OpenAsync(DispatchFixture.Resident);
        _f.Clock.Advance(TimeSpan.FromMinutes(20));
        await OpenAsync(Other, "qianqi");
        _f.Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(1, await _f.Relay.EndAllIdleAsync(CancellationToken.None));
        Assert.Equal(0, await _f.Relay.EndAllIdleAsync(CancellationToken.None));

        Assert.Equal(DispatchFixture.Resident, Assert.Single(_f.Residents.Sent).Resident);
        Assert.Equal(("zhaoliu", "【人工服务结束】"), (_f.Staff.Sent[^1].UserId, _f.Staff.Sent[^1].Card.Title));
    }
}
