using Bot.Connectors.Storage;
using Bot.Host.Tests.Infrastructure;
using Bot.Host.Workers;
using Bot.Skills.Engine;
using Bot.TestSupport.WeChat;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Workers;

/// <summary>A host that stops between any two steps loses nothing and sends nothing twice.</summary>
public sealed class RestartRecoveryTests : WeChatApiTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly string _data = Directory.CreateTempSubdirectory("bot-restart-").FullName;

    private BotHostFactory Host(bool dispatcher) => new BotHostFactory(Api.BaseUrl, _data)
        .With("Outbox:Enabled", dispatcher ? "true" : "false")
        .WithServices(s => s.AddSingleton<ISkill>(TestSkills.Replies("test_two", "第一条", "第二条")));

    [Fact]
    public async Task Restart_PendingOutboxRow_DeliveredOnce()
    {
        using (var first = Host(dispatcher: false))
        {
            await first.CreateClient().SendAsync(new WeChatRequests(first.Clock.GetUtcNow()).Plain(WeChatRequests.EventXml("o-restart", "CLICK", "test_two")));
            Assert.Equal(1, await first.QueryAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending)));
        }

        using (var second = Host(dispatcher: true))
        {
            _ = second.Server; // Start the host: its dispatcher finds the row left behind.
            await Api.WaitForCustomSendsAsync(1, Wait);
        }

        using (var third = Host(dispatcher: false))
        {
            var dispatcher = third.Services.GetRequiredService<OutboxDispatcher>();
            Assert.False(await dispatcher.DispatchOnceAsync(CancellationToken.None));
        }

        Assert.Equal([("o-restart", "第二条")], Api.CustomSends);
    }

    [Fact]
    public async Task Restart_AcceptedButUnprocessedMessage_IsProcessedAndAnsweredOnce()
    {
        using (var first = Host(dispatcher: false))
        {
            // The host stops right after storing the message, before its turn runs.
            var inbox = first.Services.GetRequiredService<IInboxStore>();
            var message = new InboundMessage(Channels.WeChat, "o-crash", "wx:o-crash:1", InboundKind.Text, first.Clock.GetUtcNow(), "你好");
            Assert.NotNull(await inbox.AcceptAsync(message, CancellationToken.None));
        }

        using (var second = Host(dispatcher: true))
        {
            _ = second.Server;
            await Api.WaitForCustomSendsAsync(1, Wait);
            Assert.Equal(0, await second.QueryAsync(db => db.Inbox.CountAsync(m => m.Status == InboxStatus.Received)));
        }

        using (var third = Host(dispatcher: true))
        {
            _ = third.Server;
            Assert.Equal(0, await third.QueryAsync(db => db.Inbox.CountAsync(m => m.Status == InboxStatus.Received)));
            Assert.False(await third.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None));
        }

        var send = Assert.Single(Api.CustomSends);
        Assert.Equal("o-crash", send.OpenId);
        Assert.Contains("社区信息与联系方式", send.Text);
    }
}
