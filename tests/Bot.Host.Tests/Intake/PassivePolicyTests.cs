using System.Text;
using Bot.Host.Intake;
using Bot.Skills.Engine;

namespace Bot.Host.Tests.Intake;

public sealed class PassivePolicyTests
{
    [Fact]
    public void Split_WeChat_FirstFittingReplyPassiveRestThroughOutbox()
    {
        var records = ChannelPolicies.WeChat.Split([Reply.FromText("一"), Reply.FromText("二")], passiveAllowed: true);

        Assert.Equal([true, false], records.Select(r => r.Passive));
    }

    [Fact]
    public void Split_LongFirstReply_NothingPassiveAndOrderKept()
    {
        var longText = new string('长', 1000); // 3000 bytes
        var records = ChannelPolicies.WeChat.Split([Reply.FromText(longText), Reply.FromText("短")], passiveAllowed: true);

        Assert.All(records, r => Assert.False(r.Passive));
        Assert.Equal("短", records[^1].Reply.Text);
        Assert.Equal(longText, string.Concat(records.SkipLast(1).Select(r => r.Reply.Text)));
    }

    [Fact]
    public void Split_RequestGaveUp_EverythingThroughOutbox()
    {
        var records = PassivePolicy.All.Split([Reply.FromText("一"), Reply.FromText("二")], passiveAllowed: false);

        Assert.All(records, r => Assert.False(r.Passive));
    }

    [Fact]
    public void Split_Simulator_AllPassive()
    {
        var records = PassivePolicy.All.Split([Reply.FromText("一"), Reply.FromText("二"), Reply.FromText(new string('长', 1000))], passiveAllowed: true);

        Assert.All(records, r => Assert.True(r.Passive));
    }

    [Fact]
    public void Split_NewsWithSeveralArticles_GoesThroughOutbox()
    {
        var article = new NewsArticle("标题", "描述", "https://example.org", "https://example.org/p.jpg");

        var records = ChannelPolicies.WeChat.Split([Reply.FromNews([article, article])], passiveAllowed: true);

        Assert.False(Assert.Single(records).Passive);
    }

    [Theory]
    [InlineData(5000, 2048)]
    [InlineData(2049, 2048)]
    [InlineData(100, 2048)]
    public void TextChunker_Split_PartsFitAndJoinBack(int bytes, int max)
    {
        var text = string.Concat(Enumerable.Range(0, bytes).Select(i => i % 40 == 39 ? "\n" : i % 3 == 0 ? "字" : "a")).Substring(0, bytes / 2);

        var parts = TextChunker.Split(text, max);

        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= max));
        Assert.Equal(text.Replace("\n", string.Empty, StringComparison.Ordinal), string.Concat(parts).Replace("\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void TextChunker_Split_NeverBreaksSurrogatePairs()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 600)); // 4 bytes each

        var parts = TextChunker.Split(text, 2047);

        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(parts));
    }
}
