using Bot.Skills.Mediation;

namespace Bot.Skills.Tests.Mediation;

public sealed class MediationTopicsTests
{
    [Theory]
    [InlineData("楼上漏水到我家，协商赔偿没谈拢", "邻里")]
    [InlineData("物业费收得不合理，和物业吵起来了", "物业")]
    [InlineData("父母赡养问题兄弟姐妹意见不一", "婚姻家庭")]
    [InlineData("房东不退押金", "法律")]
    [InlineData("想找人聊聊", null)]
    [InlineData("", null)]
    public void Specialty_DisputeText_MatchesRosterSpecialty(string topic, string? expected) =>
        Assert.Equal(expected, MediationTopics.Specialty(topic));

    [Theory]
    [InlineData("成功", MediationOutcome.Settled)]
    [InlineData("调解成功，双方签了协议", MediationOutcome.Settled)]
    [InlineData("未成功", MediationOutcome.NotSettled)]
    [InlineData("失败", MediationOutcome.NotSettled)]
    [InlineData("再次", MediationOutcome.NeedsAnotherSession)]
    [InlineData("还行", null)]
    public void Parse_MediatorsWords_Outcome(string text, MediationOutcome? expected) =>
        Assert.Equal(expected, MediationOutcomes.Parse(text));

    [Theory]
    [InlineData("我想预约调解", null)]
    [InlineData("预约睦邻茶室", null)]
    [InlineData("我想预约调解，楼上漏水赔偿谈不拢", "我想预约调解，楼上漏水赔偿谈不拢")]
    public void TopicIn_FirstMessage_OnlyWhenItSaysWhatTheDisputeIs(string text, string? expected) =>
        Assert.Equal(expected, MediationDialogue.TopicIn(text));
}
