using Bot.Connectors.Outbox;
using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Api;

namespace Bot.Connectors.Tests.WeChat;

public sealed class WeChatOutboundSenderTests
{
    [Theory]
    [InlineData(0, SendResult.Sent)]
    [InlineData(45047, SendResult.Deferred)]
    [InlineData(45015, SendResult.Deferred)]
    [InlineData(43004, SendResult.Failed)]
    [InlineData(40003, SendResult.Failed)]
    [InlineData(-1, SendResult.Retry)]
    [InlineData(45009, SendResult.Retry)]
    [InlineData(40001, SendResult.Retry)]
    public void Classify_ErrCode_MapsToOutboxOutcome(int errCode, SendResult expected) =>
        Assert.Equal(expected, WeChatOutboundSender.Classify(new WeChatApiResult(errCode, "x")).Result);
}
