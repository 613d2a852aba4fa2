using Bot.Skills.Knowledge;

namespace Bot.Skills.Tests.Knowledge;

public sealed class Bm25IndexTests
{
    [Fact]
    public void Search_EqualScores_OrderedById()
    {
        var index = new Bm25Index([new("c", "垃圾分类"), new("a", "垃圾分类"), new("b", "垃圾分类"), new("d", "物业费")]);

        var matches = index.Search("垃圾");

        Assert.Equal(["a", "b", "c"], matches.Select(m => m.Id));
        Assert.Equal(matches[0].Score, matches[2].Score);
    }

    [Fact]
    public void Search_SameIndexTwice_SameResult()
    {
        var index = new Bm25Index(KnowledgeFixture.Community.Select(e => new Bm25Document(e.Id, e.Question + e.Answer)));

        Assert.Equal(index.Search("怎么办理证件", 12), index.Search("怎么办理证件", 12));
    }

    [Fact]
    public void Search_FullWidthAndUpperCase_MatchHalfWidthLowerCase()
    {
        var index = new Bm25Index([new("wifi", "小区wifi密码"), new("fee", "物业费")]);

        var match = Assert.Single(index.Search("ＷＩＦＩ是什么？"));

        Assert.Equal("wifi", match.Id);
        Assert.True(match.SharesBigram);
        Assert.Equal(1.0, match.Coverage, 6);
    }

    [Fact]
    public void Search_RarerTermRepeated_RanksHigher()
    {
        var index = new Bm25Index([new("short", "医保缴费"), new("long", "医保缴费时间地点材料电话窗口流程说明"), new("other", "养老服务")]);

        var matches = index.Search("医保缴费");

        Assert.Equal(["short", "long"], matches.Select(m => m.Id));
        Assert.True(matches[0].Score > matches[1].Score);
    }

    [Theory]
    [InlineData("")]
    [InlineData("？！。，")]
    [InlineData("怎么了吗")]
    public void Search_NothingButPunctuationOrFillers_ReturnsNothing(string query) =>
        Assert.Empty(new Bm25Index([new("a", "怎么办理居住证？")]).Search(query));

    [Fact]
    public void Search_EmptyIndex_ReturnsNothing() => Assert.Empty(new Bm25Index([]).Search("居住证"));
}
