using Bot.Connectors.Storage;
using Bot.Host.Tests.Infrastructure;
using Bot.Host.Workers;
using Bot.Skills.Engine;
using Bot.TestSupport.WeChat;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Workers;

/// <summary>
/// Fault drills for the WeChat customer-service API: a hung request, 45009 and 5xx. Backoff runs on the host's fake
/// clock; "exactly once" is counted on the fake's accepted sends (a request it never answered is not delivered).
/// </summary>
public sealed class OutboxFaultDrillTests : WeChatApiTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Dispatch_HungSendForOneResident_OtherResidentDeliveredMeanwhileHungOneRetriedOnce()
    {
        using var host = Host().With("Outbox:SendTimeoutMs", "3000");
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        await AskAsync(host, "o-hung-a");
        await AskAsync(host, "o-hung-b");
        Api.HangNextCustomSendTo("o-hung-a");

        var dispatch = dispatcher.DispatchOnceAsync(CancellationToken.None);
        await Api.WaitForCustomSendsAsync(1, Wait);
        await Api.WaitForHungCallsAsync(1, Wait);

        // B's reply went out while A's request is still open: one hung resident does not hold up another. Wait for
        // B's row to be marked sent before moving the clock, or B's answer still in transit would time out too.
        await UntilSentAsync(host, "o-hung-b");
        Assert.Equal([("o-hung-b", "第二条")], Api.CustomSends);
        Assert.False(dispatch.IsCompleted);

        host.Clock.Advance(TimeSpan.FromMilliseconds(3000));
        await dispatch.WaitAsync(Wait);
        var hung = await RowAsync(host, "o-hung-a");
        Assert.Equal(OutboxStatus.Pending, hung.Status);
        Assert.StartsWith("timeout", hung.LastError, StringComparison.Ordinal);
        Assert.Equal((host.Clock.GetUtcNow() + TimeSpan.FromSeconds(1)).ToUnixTimeMilliseconds(), hung.NextAttemptAtMs);

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await dispatcher.DispatchOnceAsync(CancellationToken.None));

        Assert.Equal([("o-hung-b", "第二条"), ("o-hung-a", "第二条")], Api.CustomSends);
        Assert.Equal(3, Api.CustomSendAttempts);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(host, "o-hung-a")).Status);
    }

    [Fact]
    public async Task Dispatch_RateLimited45009_BacksOffLongerEachTimeThenDeliversOnce()
    {
        using var host = Host();
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        await AskAsync(host, "o-45009");
        Api.FailNextCustomSend(45009, count: 2, errMsg: "api freq out of limit");

        Assert.True(await dispatcher.DispatchOnceAsync(CancellationToken.None));
        var first = await RowAsync(host, "o-45009");
        Assert.Equal(OutboxStatus.Pending, first.Status);
        Assert.Equal("45009 api freq out of limit", first.LastError);
        Assert.False(await dispatcher.DispatchOnceAsync(CancellationToken.None)); // Backing off: not due yet.

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await dispatcher.DispatchOnceAsync(CancellationToken.None));
        var second = await RowAsync(host, "o-45009");
        Assert.Equal(OutboxStatus.Pending, second.Status);
        Assert.Equal(first.NextAttemptAtMs + 2000, second.NextAttemptAtMs); // 1 s after the first try, 2 s after the second.

        host.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.False(await dispatcher.DispatchOnceAsync(CancellationToken.None));

        Assert.Equal([("o-45009", "第二条")], Api.CustomSends);
        Assert.Equal(3, Api.CustomSendAttempts);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(host, "o-45009")).Status);
    }

    [Fact]
    public async Task Dispatch_ServerErrorsOnEveryAttempt_FailsAfterMaxAttemptsWithReasonKept()
    {
        using var host = Host().With("Outbox:MaxAttempts", "3");
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        await AskAsync(host, "o-500");
        Api.FailNextWithHttp(500, count: 3);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.True(await dispatcher.DispatchOnceAsync(CancellationToken.None));
            Assert.Equal(attempt < 3 ? OutboxStatus.Pending : OutboxStatus.Failed, (await RowAsync(host, "o-500")).Status);
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.False(await dispatcher.DispatchOnceAsync(CancellationToken.None));
        var row = await RowAsync(host, "o-500");
        Assert.Equal(3, row.Attempts);
        Assert.Equal("HTTP 500 InternalServerError", row.LastError);
        Assert.Empty(Api.CustomSends);
        Assert.Equal(3, Api.CustomSendAttempts);
    }

    private BotHostFactory Host() => new BotHostFactory(Api.BaseUrl)
        .With("Outbox:Enabled", "false")
        .WithServices(s => s.AddSingleton<ISkill>(TestSkills.Replies("test_two", "第一条", "第二条")));

    /// <summary>The resident clicks: the first reply goes in the HTTP answer, the second waits in the outbox.</summary>
    private static async Task AskAsync(BotHostFactory host, string openId) =>
        await host.CreateClient().SendAsync(new WeChatRequests(host.Clock.GetUtcNow()).Plain(WeChatRequests.EventXml(openId, "CLICK", "test_two")));

    private static async Task UntilSentAsync(BotHostFactory host, string openId)
    {
        var deadline = DateTime.UtcNow + Wait;
        while ((await RowAsync(host, openId)).Status != OutboxStatus.Sent)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{openId}'s reply was not marked sent within {Wait}");
            await Task.Delay(20);
        }
    }

    private static Task<OutboxMessage> RowAsync(BotHostFactory host, string openId) =>
        host.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.UserId == openId && m.Status != OutboxStatus.Passive));
}
