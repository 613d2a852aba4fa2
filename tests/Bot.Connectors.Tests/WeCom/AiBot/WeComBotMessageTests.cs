using Bot.Connectors.WeChat;
using Bot.Connectors.WeCom.AiBot;

namespace Bot.Connectors.Tests.WeCom.AiBot;

public sealed class WeComBotMessageTests
{
    [Fact]
    public void Parse_GroupTextWithQuote_ReadsEveryField()
    {
        var message = WeComBotMessage.Parse("""
            {"msgid":"m1","aibotid":"AIBOT","chatid":"wrkA","chattype":"group","from":{"userid":"zhangsan"},"response_url":"u",
             "msgtype":"text","text":{"content":"@睦邻助手 夜市在哪"},"quote":{"msgtype":"text","text":{"content":"周六有夜市"}}}
            """);

        Assert.Equal(("m1", "AIBOT", "wrkA", "zhangsan", "text"), (message.MsgId, message.AiBotId, message.ChatId, message.FromUserId, message.MsgType));
        Assert.True(message.IsGroup);
        Assert.Equal("@睦邻助手 夜市在哪", message.Text);
        Assert.Equal("周六有夜市", message.QuoteText);
    }

    [Fact]
    public void Parse_MixedMessage_JoinsItsTextItems()
    {
        var message = WeComBotMessage.Parse("""
            {"msgid":"m2","chattype":"group","chatid":"c","from":{"userid":"u"},"msgtype":"mixed",
             "mixed":{"msg_item":[{"msgtype":"text","text":{"content":"@睦邻助手 这个"}},{"msgtype":"image","image":{"url":"x"}},{"msgtype":"text","text":{"content":"修了吗"}}]}}
            """);

        Assert.Equal("@睦邻助手 这个 修了吗", message.Text);
    }

    [Theory]
    [InlineData("""{"msgid":"m","from":{"userid":"u"},"msgtype":"voice","voice":{"content":"茶室几点开门"}}""", "茶室几点开门")]
    [InlineData("""{"msgid":"m","from":{"userid":"u"},"msgtype":"image","image":{"url":"x"}}""", "")]
    [InlineData("""{"msgid":"m","from":{"userid":"u"},"msgtype":"file","file":{"url":"x"}}""", "")]
    public void Parse_VoiceImageFile_TextIsTheTranscriptionOrEmpty(string json, string text)
    {
        var message = WeComBotMessage.Parse(json);

        Assert.Equal(text, message.Text);
        Assert.False(message.IsGroup);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("\"text\"")]
    [InlineData("""{"msgid":"m","msgtype":"text"}""")]
    [InlineData("""{"msgid":"m","from":"u","msgtype":"text"}""")]
    [InlineData("""{"from":{"userid":"u"},"msgtype":"text"}""")]
    public void Parse_BrokenMessage_ThrowsFormatException(string json) =>
        Assert.Throws<WeChatFormatException>(() => WeComBotMessage.Parse(json));
}
