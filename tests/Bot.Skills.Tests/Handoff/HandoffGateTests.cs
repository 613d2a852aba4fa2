using Bot.Skills.Complaints;
using Bot.Skills.Engine;
using Bot.Skills.Handoff;

namespace Bot.Skills.Tests.Handoff;

public sealed class HandoffGateTests
{
    [Fact]
    public async Task Handoff_BoundResident_ConnectsWorkerWithMaskedSummary()
    {
        var kit = HandoffKit.Create();
        kit.Bind("r1");
        await kit.SayAsync("r1", "嗯嗯我电话13812345678");

        var result = await kit.SayAsync("r1", "转人工");

        Assert.Equal(Intents.Handoff, result.Intent);
        Assert.StartsWith("已为您转接网格员赵六，请直接说明情况", Assert.Single(result.Replies).Text);
        var (user, card) = Assert.Single(kit.Staff.Sent);
        Assert.Equal("zhaoliu", user);
        Assert.StartsWith("【人工服务】居民", card.Title);
        Assert.Contains("楼栋：幸福里小区3栋", card.Description);
        Assert.Contains("进行中的工单：无", card.Description);
        Assert.Contains("居民：嗯嗯我电话138****5678", card.Description);
        Assert.DoesNotContain("13812345678", card.Description);
        Assert.Equal("zhaoliu", Assert.Single(kit.Sessions.All).WorkerUserId);
    }

    [Fact]
    public async Task HandoffGate_LiveSession_RelaysTextPhotoAndLocationAndStaysQuiet()
    {
        var kit = HandoffKit.Create();
        kit.Bind("r1");
        await kit.SayAsync("r1", "人工客服");
        kit.Clock.Advance(TimeSpan.FromMinutes(5));

        var text = await kit.SayAsync("r1", "你好，楼上装修太吵了，我电话13812345678");
        var photo = await kit.SendAsync(new InboundMessage("test", "r1", "p1", InboundKind.Image, kit.Clock.GetUtcNow(), MediaId: "m1"));
        var place = await kit.SendLocationAsync("r1", new GeoPoint(31.2, 121.4, "幸福里小区3栋"));

        Assert.All([text, photo, place], r => Assert.Empty(r.Replies));
        Assert.Equal(Intents.Handoff, text.Intent);
        Assert.Empty(kit.Tickets.Tickets);
        var relayed = kit.Staff.Sent.Skip(1).ToList();
        Assert.All(relayed, s => Assert.Equal("zhaoliu", s.UserId));
        Assert.Equal("你好，楼上装修太吵了，我电话138****5678", relayed[0].Card.Description);
        Assert.StartsWith("[图片]", relayed[1].Card.Description);
        Assert.StartsWith("[位置]", relayed[2].Card.Description);
        Assert.Equal(kit.Clock.GetUtcNow(), Assert.Single(kit.Sessions.All).LastActivityAt);
    }

    [Fact]
    public async Task HandoffGate_IdlePastTimeout_EndsAndRouterAnswers()
    {
        var kit = HandoffKit.Create();
        kit.Bind("r1");
        await kit.SayAsync("r1", "转人工");
        kit.Clock.Advance(TimeSpan.FromMinutes(31));

        var result = await kit.SayAsync("r1", "你好");

        Assert.Equal(Intents.Greeting, result.Intent);
        Assert.Equal(HandoffTexts.TimedOutBeforeTurn, result.Replies[0].Text);
        Assert.Contains("我可以帮您", result.Replies[1].Text);
        var session = Assert.Single(kit.Sessions.All);
        Assert.Equal(HandoffEndReason.Timeout, session.EndReason);
        Assert.Equal("【人工服务结束】", kit.Staff.Sent[^1].Card.Title);
    }

    [Fact]
    public async Task HandoffGate_WithinTimeout_StillRelays()
    {
        var kit = HandoffKit.Create();
        kit.Bind("r1");
        await kit.SayAsync("r1", "转人工");
        kit.Clock.Advance(TimeSpan.FromMinutes(29));

        Assert.Empty((await kit.SayAsync("r1", "还在吗")).Replies);
        kit.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty((await kit.SayAsync("r1", "还在吗")).Replies);
    }

    [Fact]
    public async Task RedTicket_OpensSessionWithAssignee_PlaceAnswerReachesTicketAndWorker()
    {
        var kit = HandoffKit.Create();
        kit.Bind("r1");

        var red = await kit.SayAsync("r1", "楼道里煤气味特别浓");

        Assert.Contains("119", red.Replies[0].Text);
        Assert.Contains("已为您接通网格员赵六", red.Replies[1].Text);
        Assert.Contains("具体位置", red.Replies[2].Text);
        var session = Assert.Single(kit.Sessions.All);
        Assert.Equal(kit.Tickets.Tickets[0].Number, session.TicketNumber);

        var place = await kit.SayAsync("r1", "幸福里小区3栋2单元");

        Assert.Contains("已补充到工单", Assert.Single(place.Replies).Text);
        Assert.Equal("幸福里小区3栋2单元", kit.Tickets.Tickets[0].Place);
        Assert.Equal("幸福里小区**栋**单元", kit.Staff.Sent[^1].Card.Description);
        Assert.Empty((await kit.SayAsync("r1", "我已经出来了")).Replies);
    }

    [Fact]
    public async Task HandoffGate_DangerDuringSession_RelayedAndSafetyAdviceGiven()
    {
        var kit = HandoffKit.Create();
        kit.Bind("r1");
        await kit.SayAsync("r1", "转人工");

        var result = await kit.SayAsync("r1", "楼道里煤气味特别浓");

        Assert.Contains("119", result.Replies[0].Text);
        Assert.Contains(kit.Staff.Sent, s => s.Card.Description == "楼道里煤气味特别浓");
        Assert.Equal(Colour.Red, Assert.Single(kit.Tickets.Tickets).Colour);
    }

    [Fact]
    public async Task HandoffGate_ReadsStoreOnlyWhenASessionMayExist()
    {
        var kit = HandoffKit.Create();
        kit.Bind("r1");
        await kit.SayAsync("r1", "你好");
        await kit.SayAsync("r1", "你好");
        Assert.Equal(1, kit.Sessions.Finds); // the first turn's state was new

        await kit.SayAsync("r1", "转人工");
        var session = Assert.Single(kit.Sessions.All);
        await kit.Sessions.EndAsync(session.Id, HandoffEndReason.Worker, kit.Clock.GetUtcNow(), CancellationToken.None);
        var finds = kit.Sessions.Finds;

        Assert.NotEmpty((await kit.SayAsync("r1", "你好")).Replies);
        Assert.NotEmpty((await kit.SayAsync("r1", "你好")).Replies);
        Assert.Equal(finds + 1, kit.Sessions.Finds);
    }

    [Fact]
    public async Task Fallback_SecondMiss_OffersHandoff()
    {
        var kit = HandoffKit.Create();
        await kit.SayAsync("r1", "呃呃呃");

        var second = await kit.SayAsync("r1", "哦哦哦");

        Assert.Contains("回复“转人工”联系网格员", Assert.Single(second.Replies).Text);
        Assert.Equal(HandoffTexts.AskBuilding, (await kit.SayAsync("r1", "转人工")).Replies[0].Text);
    }
}
