using Bot.Connectors.Storage;
using Bot.Host.Tests.Infrastructure;
using Bot.Host.Workers;
using Bot.Skills.Engine;
using Bot.TestSupport.WeChat;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Intake;

/// <summary>Replies that do not fit the 5-second answer go through the customer-service API, exactly once.</summary>
public sealed class AsyncDeliveryTests : WeChatApiTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Post_SlowSkill_AnswersSuccessWithinBudgetThenSendsThroughCustomApi()
    {
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        using var host = new BotHostFactory(Api.BaseUrl)
            .With("WeChat:ReplyBudgetMs", "1000")
            .WithServices(s => s.AddSingleton<ISkill>(TestSkills.Gated("test_slow", entered, release.Task, "久等了，这是您的答复")));
        var requests = new WeChatRequests(host.Clock.GetUtcNow());
        var client = host.CreateClient();

        var post = client.SendAsync(requests.Safe(WeChatRequests.EventXml("o-slow", "CLICK", "test_slow")));
        await entered.Task.WaitAsync(Wait);
        for (var i = 0; i < 100 && !post.IsCompleted; i++)
        {
            // The budget runs on the host's fake clock: move it past the budget until the request lets go.
            host.Clock.Advance(TimeSpan.FromMilliseconds(1000));
            await Task.WhenAny(post, Task.Delay(20));
        }

        var response = await post.WaitAsync(Wait);
        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        Assert.Empty(Api.CustomSends);

        release.SetResult();
        await Api.WaitForCustomSendsAsync(1, Wait);
        Assert.Equal(("o-slow", "久等了，这是您的答复"), Assert.Single(Api.CustomSends));
    }

    [Fact]
    public async Task Post_LongText_GoesThroughCustomApiInParts()
    {
        var text = TestSkills.LongText(5000);
        using var host = new BotHostFactory(Api.BaseUrl).WithServices(s => s.AddSingleton<ISkill>(TestSkills.Replies("test_long", text)));
        var requests = new WeChatRequests(host.Clock.GetUtcNow());

        var response = await host.CreateClient().SendAsync(requests.Plain(WeChatRequests.EventXml("o-long", "CLICK", "test_long")));

        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        await Api.WaitForCustomSendsAsync(3, Wait);
        var parts = Api.CustomSends.Select(s => s.Text).ToList();
        Assert.Equal(3, parts.Count);
        Assert.All(parts, part => Assert.True(System.Text.Encoding.UTF8.GetByteCount(part) <= 2048));
        Assert.Equal(text.Replace("\n", string.Empty, StringComparison.Ordinal), string.Concat(parts).Replace("\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispatch_StaleToken40001Once_RefreshesTokenAndRetries()
    {
        using var host = new BotHostFactory(Api.BaseUrl)
            .WithServices(s => s.AddSingleton<ISkill>(TestSkills.Replies("test_two", "第一条", "第二条")));
        Api.FailNextCustomSend(40001);

        await host.CreateClient().SendAsync(new WeChatRequests(host.Clock.GetUtcNow()).Plain(WeChatRequests.EventXml("o-token", "CLICK", "test_two")));

        await Api.WaitForCustomSendsAsync(1, Wait);
        Assert.Equal([("o-token", "第二条")], Api.CustomSends);
        Assert.Equal(2, Api.CustomSendAttempts);
        Assert.Equal(2, Api.TokenFetches);
    }

    [Fact]
    public async Task Dispatch_QuotaUsed_DefersUntilTheResidentWritesAgain()
    {
        using var host = new BotHostFactory(Api.BaseUrl)
            .With("Outbox:Enabled", "false")
            .WithServices(s => s.AddSingleton<ISkill>(TestSkills.Replies("test_many", "一", "二", "三", "四", "五", "六", "七")));
        var requests = new WeChatRequests(host.Clock.GetUtcNow());
        var client = host.CreateClient();
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();

        await client.SendAsync(requests.Plain(WeChatRequests.EventXml("o-quota", "CLICK", "test_many")));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None))
        {
        }

        // One passive reply, then five through the API: the sixth waits for the resident's next message.
        Assert.Equal(["二", "三", "四", "五", "六"], Api.CustomSends.Select(s => s.Text));
        Assert.Equal(1, await host.QueryAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Deferred)));

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await client.SendAsync(requests.Plain(WeChatRequests.TextXml("o-quota", "你好", WeChatRequests.NextMsgId())));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None))
        {
        }

        Assert.Equal("七", Api.CustomSends[^1].Text);
        Assert.Equal(0, await host.QueryAsync(db => db.Outbox.CountAsync(m => m.Status == OutboxStatus.Deferred)));
    }

    [Fact]
    public async Task Dispatch_WeChatSays45047_DefersAndDeliversAtNextContact()
    {
        using var host = new BotHostFactory(Api.BaseUrl)
            .With("Outbox:Enabled", "false")
            .WithServices(s => s.AddSingleton<ISkill>(TestSkills.Replies("test_two", "第一条", "第二条")));
        var requests = new WeChatRequests(host.Clock.GetUtcNow());
        var client = host.CreateClient();
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        Api.FailNextCustomSend(45047);

        await client.SendAsync(requests.Plain(WeChatRequests.EventXml("o-45047", "CLICK", "test_two")));
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.Empty(Api.CustomSends);

        await client.SendAsync(requests.Plain(WeChatRequests.TextXml("o-45047", "在吗", WeChatRequests.NextMsgId())));
        await dispatcher.DispatchOnceAsync(CancellationToken.None);

        Assert.Equal([("o-45047", "第二条")], Api.CustomSends);
    }

    [Fact]
    public async Task Dispatch_ServerErrors_RetriesWithBackoffAndDeliversOnce()
    {
        using var host = new BotHostFactory(Api.BaseUrl)
            .With("Outbox:Enabled", "false")
            .WithServices(s => s.AddSingleton<ISkill>(TestSkills.Replies("test_two", "第一条", "第二条")));
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        Api.FailNextWithHttp(503, count: 2);

        await host.CreateClient().SendAsync(new WeChatRequests(host.Clock.GetUtcNow()).Plain(WeChatRequests.EventXml("o-5xx", "CLICK", "test_two")));
        Assert.True(await dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.False(await dispatcher.DispatchOnceAsync(CancellationToken.None)); // Backing off: not due yet.

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        await dispatcher.DispatchOnceAsync(CancellationToken.None);

        Assert.Equal([("o-5xx", "第二条")], Api.CustomSends);
        Assert.Equal(3, Api.CustomSendAttempts);
        Assert.Equal(OutboxStatus.Sent, await host.QueryAsync(db => db.Outbox.Where(m => m.Status != OutboxStatus.Passive).Select(m => m.Status).SingleAsync()));
    }
}
