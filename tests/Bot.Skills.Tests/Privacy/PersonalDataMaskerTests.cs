using Bot.Skills.Privacy;

namespace Bot.Skills.Tests.Privacy;

public sealed class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("我的电话13812345678请回电", "我的电话138****5678请回电")]
    [InlineData("身份证110101199003071234", "身份证110***********1234")]
    [InlineData("住在3号楼2单元501室", "住在**号楼**单元**室")]
    [InlineData("我叫张三丰，楼上太吵", "我叫张**，楼上太吵")]
    [InlineData("联系人：李小红 电话13912345678", "联系人：李** 电话139****5678")]
    [InlineData("没有个人信息", "没有个人信息")]
    public void MaskText_PersonalData_IsMasked(string input, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.MaskText(input));

    [Theory]
    [InlineData("o9AgO5Kd5ggOC-bXrbNODIiE3bGY", "o9Ag***3bGY")]
    [InlineData("short", "*****")]
    [InlineData("", "")]
    public void MaskId_Openid_KeepsOnlyEnds(string input, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.MaskId(input));
}
