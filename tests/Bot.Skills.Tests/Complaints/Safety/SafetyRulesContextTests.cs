using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Safety;

namespace Bot.Skills.Tests.Complaints.Safety;

public sealed class SafetyRulesContextTests
{
    private readonly SafetyRules rules = new();

    [Theory]
    [InlineData("没有煤气味了")]
    [InlineData("没闻到煤气味 是下水道的味")]
    [InlineData("之前着过火现在没事了")]
    [InlineData("上次煤气漏气已经修好了")]
    [InlineData("请问燃气泄漏怎么办")]
    [InlineData("燃气泄漏怎么办")]
    [InlineData("燃气表怎么年检")]
    [InlineData("怎么预防家里电线起火")]
    [InlineData("万一着火了消防车进得来吗")]
    [InlineData("楼道堆杂物 担心会着火")]
    [InlineData("不是着火 是烧烤摊在冒烟")]
    [InlineData("昨天那个冒烟的是烧烤")]
    [InlineData("没有人受伤 车刮了一下")]
    [InlineData("并没有人被困 电梯只是停了")]
    [InlineData("火已经灭了 着火的那户没事了")]
    [InlineData("上次电梯困人 物业很快就到了 谢谢")]
    [InlineData("之前我爸联系不上 后来联系上了")]
    [InlineData("刚才说的煤气味是熬中药 虚惊一场")]
    [InlineData("燃气灶打不着火 是不是坏了")]
    [InlineData("建议单元门口放AED 万一有人晕倒能救命")]
    [InlineData("上周楼道着火的事 现在已经没事了")]
    [InlineData("请问遇到火灾往楼上跑还是往下跑")]
    [InlineData("消防演练什么时候搞")]
    [InlineData("井盖已经盖上了 谢谢")]
    public void Evaluate_NegatedPastOrHypothetical_IsNotRed(string text)
    {
        Assert.NotEqual(Colour.Red, rules.Evaluate(text).Floor);
        Assert.Null(rules.Evaluate(text).Alert);
    }

    [Theory]
    [InlineData("不是没有煤气味 是很明显")]
    [InlineData("家里有煤气味怎么办")]
    [InlineData("请问 我家现在煤气味很大怎么办")]
    [InlineData("上次修过 现在又有煤气味了")]
    [InlineData("好像有点煤气味")]
    [InlineData("隐约闻到一股臭鸡蛋味")]
    [InlineData("好像是着火了 有烟")]
    public void Evaluate_DoubleNegationPresentOrHedgedGasFire_IsRed(string text)
    {
        Assert.Equal(Colour.Red, rules.Evaluate(text).Floor);
    }

    [Fact]
    public void Evaluate_HedgedViolence_IsOrangeNotRed()
    {
        Assert.Equal(Colour.Orange, rules.Evaluate("好像有人在打架").Floor);
    }

    [Fact]
    public void Evaluate_IntenseWords_CancelHedgeAndAddReason()
    {
        var verdict = rules.Evaluate("好像有人在打架 好多人 越来越凶");

        Assert.Equal(Colour.Red, verdict.Floor);
        Assert.Contains("情况严重或持续", verdict.Reasons);
    }

    [Fact]
    public void Evaluate_BlockedAmbulanceWithoutPresence_IsOrange()
    {
        Assert.Equal(Colour.Orange, rules.Evaluate("小区门口乱停车 救护车根本进不来").Floor);
    }

    [Fact]
    public void Evaluate_TwoHazards_MostUrgentWinsAndBothReasonsListed()
    {
        var verdict = rules.Evaluate("楼道里有人给电瓶车充电 现在着火了");

        Assert.Equal(Colour.Red, verdict.Floor);
        Assert.Equal("119", verdict.Alert!.EmergencyNumber);
        Assert.Equal(["火情", "电动车违规充电"], verdict.Reasons.Take(2));
    }

    [Fact]
    public void Evaluate_InjuryAndFight_FirstRedInPriorityGivesAlert()
    {
        var verdict = rules.Evaluate("楼下两个人打架 一个人头在流血");

        Assert.Equal("110", verdict.Alert!.EmergencyNumber);
        Assert.Contains("有人受伤或急病", verdict.Reasons);
        Assert.Contains("正在发生暴力或治安事件", verdict.Reasons);
    }

    [Theory]
    [InlineData("")]
    [InlineData("楼上天天半夜蹦迪 咚咚咚的")]
    [InlineData("楼下又在烧烤 烟大")]
    [InlineData("电梯怀了好几天了")]
    [InlineData("网格员小王帮我们修好了路灯 谢谢")]
    public void Evaluate_OrdinaryMessage_IsGreenFloorWithNoReasons(string text)
    {
        var verdict = rules.Evaluate(text);

        Assert.Equal(Colour.Green, verdict.Floor);
        Assert.Empty(verdict.Reasons);
    }
}
