using Bot.Skills.Knowledge;

namespace Bot.Skills.Tests.Knowledge;

public sealed class KnowledgeMarkdownTests
{
    [Fact]
    public void Parse_CompleteEntry_ReadsEveryField()
    {
        const string text = "问题：办理居住证需要什么材料？\r\n来源: XX派出所户籍窗口\n有效期至：2027-06-30\n标签：居住证，户籍、外地人\n---\n带上**身份证**。\n\n- 租房合同\n";

        var result = KnowledgeMarkdown.Parse("residence-permit", text);

        Assert.True(result.IsValid, result.Error);
        var entry = result.Entry!;
        Assert.Equal("residence-permit", entry.Id);
        Assert.Equal("办理居住证需要什么材料？", entry.Question);
        Assert.Equal("XX派出所户籍窗口", entry.Source);
        Assert.Equal(new DateOnly(2027, 6, 30), entry.ValidUntil);
        Assert.Equal(["居住证", "户籍", "外地人"], entry.Tags);
        Assert.Equal("带上**身份证**。\n\n- 租房合同", entry.Answer);
    }

    [Fact]
    public void Parse_NoValidUntilOrTags_NeverExpires()
    {
        var result = KnowledgeMarkdown.Parse("a", "问题：垃圾几点扔？\n来源：城管科\n---\n早7点到9点。");

        Assert.True(result.IsValid, result.Error);
        Assert.Null(result.Entry!.ValidUntil);
        Assert.Empty(result.Entry.Tags);
    }

    [Theory]
    [InlineData("2027/6/30")]
    [InlineData("2027年6月30日")]
    public void Parse_ChineseDateForms_Accepted(string date) =>
        Assert.Equal(new DateOnly(2027, 6, 30), KnowledgeMarkdown.Parse("a", $"问题：问\n来源：源\n有效期至：{date}\n---\n答").Entry!.ValidUntil);

    [Theory]
    [InlineData("来源：城管科\n---\n答", "缺少“问题：”")]
    [InlineData("问题：\n来源：城管科\n---\n答", "缺少“问题：”")]
    [InlineData("问题：垃圾几点扔？\n---\n答", "缺少“来源：”")]
    [InlineData("问题：垃圾几点扔？\n来源：城管科\n---\n   \n", "没有答案正文")]
    [InlineData("问题：垃圾几点扔？\n来源：城管科\n早7点到9点。", "缺少分隔行")]
    [InlineData("问题：垃圾几点扔？\n出处：城管科\n---\n答", "“出处”不认识")]
    [InlineData("问题：垃圾几点扔？\n来源：城管科\n来源：街道\n---\n答", "写了两次")]
    [InlineData("问题：垃圾几点扔？\n来源城管科\n---\n答", "第2行")]
    public void Parse_MalformedEntry_RefusedWithChineseReason(string text, string reason)
    {
        var result = KnowledgeMarkdown.Parse("garbage", text);

        Assert.False(result.IsValid);
        Assert.StartsWith("知识条目“garbage”：", result.Error, StringComparison.Ordinal);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("明年六月")]
    [InlineData("2027-13-01")]
    [InlineData("2027-02-30")]
    public void Parse_BadDate_RefusedWithExample(string date)
    {
        var result = KnowledgeMarkdown.Parse("a", $"问题：问\n来源：源\n有效期至：{date}\n---\n答");

        Assert.False(result.IsValid);
        Assert.Contains($"有效期至“{date}”不是日期，请写成 2027-06-30", result.Error, StringComparison.Ordinal);
    }
}
