using Bot.Skills.Engine;

namespace Bot.Skills.Tests.Engine;

public sealed class SkillRouterTests
{
    [Theory]
    [InlineData("你好")]
    [InlineData("您好！")]
    [InlineData("菜单")]
    [InlineData("0")]
    [InlineData("Hi")]
    public async Task RouteAsync_GreetingWords_ShowMenu(string text)
    {
        var kit = new EngineTestKit(new AskingSkill());

        var result = await kit.SayAsync("u1", text);

        Assert.Equal(Intents.Greeting, result.Intent);
        Assert.Contains("1. 测试问答", result.Replies[0].Text);
        Assert.Contains("2. 反映问题、投诉求助", result.Replies[0].Text);
        Assert.Contains("6. 社区信息与联系方式", result.Replies[0].Text);
    }

    [Theory]
    [InlineData("1", "asking")]
    [InlineData("６", Intents.CommunityInfo)]
    [InlineData("4", "status")]
    [InlineData("9", Intents.Fallback)]
    public async Task RouteAsync_MenuNumber_PicksThatEntry(string text, string intent)
    {
        var kit = new EngineTestKit(new AskingSkill());

        var result = await kit.SayAsync("u1", text);

        Assert.Equal(intent, result.Intent);
    }

    [Fact]
    public async Task RouteAsync_ActiveSkill_KeepsTheDialogue()
    {
        var kit = new EngineTestKit(new AskingSkill());
        await kit.SayAsync("u2", "1");

        var result = await kit.SayAsync("u2", "3号楼楼下");

        Assert.Equal("asking", result.Intent);
        Assert.Equal("记下了：3号楼楼下", result.Replies[0].Text);
        Assert.Null(kit.States.Peek("test", "u2")!.ActiveSkill);
    }

    [Fact]
    public async Task RouteAsync_MenuWordDuringDialogue_LeavesTheDialogue()
    {
        var kit = new EngineTestKit(new AskingSkill());
        await kit.SayAsync("u3", "1");

        var result = await kit.SayAsync("u3", "菜单");

        Assert.Equal(Intents.Greeting, result.Intent);
        Assert.Null(kit.States.Peek("test", "u3")!.ActiveSkill);
    }

    [Fact]
    public async Task RouteAsync_TwoMisunderstandings_CountedAndReset()
    {
        var kit = new EngineTestKit();

        await kit.SayAsync("u4", "呃呃呃");
        var second = await kit.SayAsync("u4", "哦哦哦");
        Assert.Equal(2, kit.States.Peek("test", "u4")!.MisunderstoodInARow);
        Assert.Contains("还是没能理解", second.Replies[0].Text);

        await kit.SayAsync("u4", "你好");
        Assert.Equal(0, kit.States.Peek("test", "u4")!.MisunderstoodInARow);
    }

    [Fact]
    public async Task ProcessAsync_CompletedDelivery_IsNotProcessedAgain()
    {
        var kit = new EngineTestKit();
        kit.TurnLedger.Completed.Add("dup-1");

        var result = await kit.SendAsync(new InboundMessage("test", "u5", "dup-1", InboundKind.Text, kit.Clock.GetUtcNow(), "你好"));

        Assert.Equal(Intents.Duplicate, result.Intent);
        Assert.Empty(result.Replies);
        Assert.Null(kit.States.Peek("test", "u5"));
    }

    [Fact]
    public async Task ProcessAsync_LocationEvent_IsSilentButRemembered()
    {
        var kit = new EngineTestKit();
        var message = new InboundMessage("test", "u6", "loc-1", InboundKind.Event, kit.Clock.GetUtcNow(), EventName: "LOCATION", Location: new GeoPoint(31.2, 121.4));

        var result = await kit.SendAsync(message);

        Assert.Empty(result.Replies);
        Assert.Equal(31.2, kit.States.Peek("test", "u6")!.LastLocation!.Latitude);
    }

    [Fact]
    public async Task ProcessAsync_UnknownClickKey_IsSilent()
    {
        var kit = new EngineTestKit();
        var message = new InboundMessage("test", "u7", "c-1", InboundKind.Event, kit.Clock.GetUtcNow(), EventName: "CLICK", EventKey: "no_such_skill");

        var result = await kit.SendAsync(message);

        Assert.Empty(result.Replies);
    }

    [Fact]
    public async Task ProcessAsync_State_RemembersRecentTurnsAndExpiresByTtl()
    {
        var kit = new EngineTestKit();

        await kit.SayAsync("u8", "你好");

        var state = kit.States.Peek("test", "u8")!;
        Assert.Equal(["resident", "bot"], state.RecentTurns.Select(t => t.Who));
        Assert.Equal(kit.Clock.GetUtcNow(), state.UpdatedAt);
    }
}

public sealed class SmallTalkTests
{
    [Theory]
    [InlineData("谢谢！", "不客气")]
    [InlineData("好的", "好的。")]
    [InlineData("再见", "再见")]
    public async Task RouteAsync_Courtesies_GetShortAnswers(string text, string expected)
    {
        var result = await new EngineTestKit().SayAsync("u1", text);

        Assert.Equal(Bot.Skills.Greeting.SmallTalkSkill.IntentCode, result.Intent);
        Assert.StartsWith(expected, result.Replies[0].Text);
    }
}
