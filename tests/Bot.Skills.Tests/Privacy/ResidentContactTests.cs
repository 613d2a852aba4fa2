using Bot.Skills.Privacy;

namespace Bot.Skills.Tests.Privacy;

public sealed class ResidentContactTests
{
    [Theory]
    [InlineData("我叫王小明，电话13812345678，楼上太吵", "王**", "138****5678")]
    [InlineData("我姓刘，3栋门口有人摆摊", "刘**", null)]
    [InlineData("我是陈阿姨，座机021-62345678", "陈**", "021****5678")]
    [InlineData("楼道灯坏了", null, null)]
    [InlineData("我是3栋的业主，车位被占了", null, null)]
    public void From_ResidentsOwnWords_MaskedNameAndPhone(string text, string? name, string? phone)
    {
        var contact = ResidentContact.From(text);

        Assert.Equal(name, contact.MaskedName);
        Assert.Equal(phone, contact.MaskedPhone);
    }

    [Fact]
    public void Line_NothingGiven_SaysSoAndPointsToReply() =>
        Assert.Equal("居民：未留姓名｜电话：未留（可用“回复”联系居民）", ResidentContact.From("路灯不亮").Line());
}
