using Bot.Connectors.Grid;
using Bot.Connectors.Outbox;
using Bot.Connectors.Storage;
using Bot.Connectors.WeChat.Api;
using Bot.Connectors.WeCom;
using Bot.Connectors.WeCom.Api;
using Bot.Skills.Dispatch;
using Bot.Skills.Engine;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Tests.Grid;

public sealed class WeComAppOutboundSenderTests
{
    private static OutboxItem Item(Reply reply) => new(1, new ResidentKey(OutboxStaffNotifier.AppChannel, "zhaoliu"), reply, 0, DateTimeOffset.UnixEpoch);

    private static WeComAppOutboundSender Sender(StubApi api, string agentId = "218") =>
        new(api, Options.Create(new WeComOptions { AgentId = agentId }));

    [Fact]
    public async Task Card_IsSentAsTextToTheMember()
    {
        var api = new StubApi(0);
        var reply = OutboxStaffNotifier.Render(new StaffCard("2026-000001", "【黄色】新工单 2026-000001", "工单号：2026-000001"));

        var outcome = await Sender(api).SendAsync(Item(reply), CancellationToken.None);

        Assert.Equal(SendResult.Sent, outcome.Result);
        var message = Assert.Single(api.Sent);
        Assert.Equal(["zhaoliu"], message.ToUsers);
        Assert.Equal("text", message.MsgType);
        Assert.Equal("【黄色】新工单 2026-000001\n工单号：2026-000001", message.Content);
    }

    [Fact]
    public async Task NewsWithLink_IsSentAsTextCard()
    {
        var api = new StubApi(0);

        await Sender(api).SendAsync(Item(Reply.FromNews([new NewsArticle("标题", "说明", "https://example.org/t/1", "")])), CancellationToken.None);

        Assert.Equal(new WeComTextCard("标题", "说明", "https://example.org/t/1", "详情"), Assert.Single(api.Sent).TextCard);
    }

    [Theory]
    [InlineData(40003, SendResult.Failed)]
    [InlineData(81013, SendResult.Failed)]
    [InlineData(45009, SendResult.Retry)]
    [InlineData(-1, SendResult.Retry)]
    public async Task ErrCodes_AreClassified(int errCode, SendResult expected)
    {
        var outcome = await Sender(new StubApi(errCode)).SendAsync(Item(Reply.FromText("x")), CancellationToken.None);

        Assert.Equal(expected, outcome.Result);
        Assert.Contains(errCode.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Detail);
    }

    [Fact]
    public async Task NoAgentId_FailsWithoutCallingWeCom()
    {
        var api = new StubApi(0);

        var outcome = await Sender(api, agentId: "").SendAsync(Item(Reply.FromText("x")), CancellationToken.None);

        Assert.Equal(SendResult.Failed, outcome.Result);
        Assert.Empty(api.Sent);
    }

    private sealed class StubApi(int errCode) : IWeComApiClient
    {
        public List<WeComAppMessage> Sent { get; } = [];

        public Task<WeChatApiResult> SendAppMessageAsync(WeComAppMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return Task.FromResult(new WeChatApiResult(errCode, errCode == 0 ? "ok" : "fake"));
        }

        public Task<WeChatApiResult> SendRobotMessageAsync(string webhookKey, RobotMessage message, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
