using Bot.Connectors.Grid;
using Bot.Connectors.Storage;
using Bot.Connectors.WeCom.Api;
using Bot.Host.Tests.Infrastructure;
using Bot.Host.Workers;
using Bot.Skills.Engine;
using Bot.TestSupport.WeCom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Workers;

/// <summary>
/// Fault drills for staff notices over WeCom (app messages and group robots): 5xx, a hung request and 45009 are
/// retried until delivered exactly once; only <c>Outbox:MaxAttempts</c> failures in a row mark a notice failed.
/// </summary>
public sealed class OutboxWeComFaultDrillTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private FakeWeComApi _wecom = null!;

    public async Task InitializeAsync() => _wecom = await FakeWeComApi.StartAsync();

    public async Task DisposeAsync() => await _wecom.DisposeAsync();

    [Fact]
    public async Task Dispatch_AppServerErrorThenHang_StaysPendingWithGrowingBackoffThenSentOnce()
    {
        using var host = Host().With("Outbox:SendTimeoutMs", "4000");
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var id = await EnqueueAsync(host, OutboxStaffNotifier.AppChannel, "zhaoliu");
        _wecom.FailNextWithHttp(FakeWeComApi.AppSendPath, 502);

        Assert.True(await dispatcher.DispatchOnceAsync(CancellationToken.None));
        var afterError = await RowAsync(host, id);
        Assert.Equal((OutboxStatus.Pending, "HTTP 502 BadGateway"), (afterError.Status, afterError.LastError));

        _wecom.HangNext(FakeWeComApi.AppSendPath);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var dispatch = dispatcher.DispatchOnceAsync(CancellationToken.None);
        await _wecom.WaitForHungCallsAsync(1, Wait);
        host.Clock.Advance(TimeSpan.FromMilliseconds(4000));
        await dispatch.WaitAsync(Wait);
        var afterHang = await RowAsync(host, id);
        Assert.Equal(OutboxStatus.Pending, afterHang.Status);
        Assert.StartsWith("timeout", afterHang.LastError, StringComparison.Ordinal);
        Assert.True(afterHang.NextAttemptAtMs - host.Clock.GetUtcNow().ToUnixTimeMilliseconds() == 2000, "second backoff is 2 s");
        Assert.Empty(_wecom.AppSends);

        host.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.False(await dispatcher.DispatchOnceAsync(CancellationToken.None));

        Assert.Single(_wecom.AppSends);
        Assert.Equal(3, _wecom.CallsTo(FakeWeComApi.AppSendPath).Count);
        Assert.Equal((OutboxStatus.Sent, 3), ((await RowAsync(host, id)).Status, (await RowAsync(host, id)).Attempts));
    }

    [Fact]
    public async Task Dispatch_Robot45009_WaitsOutTheRateLimitAndPostsOnce()
    {
        using var host = Host();
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var gates = host.Services.GetRequiredService<WeComRateGates>();
        var id = await EnqueueAsync(host, OutboxGridAlerter.RobotChannel, "duty-robot-key");
        _wecom.FailNext(FakeWeComApi.RobotSendPath, WeComApiClient.RateLimited, errMsg: "api freq out of limit");

        var dispatch = dispatcher.DispatchOnceAsync(CancellationToken.None);
        await gates.Robots.WhenWaitingAsync(1).WaitAsync(Wait); // The client holds the key back after 45009 …
        host.Clock.Advance(WeComApiClient.FirstBackoff);         // … and posts again once the backoff is over.
        await dispatch.WaitAsync(Wait);

        Assert.Single(_wecom.RobotSends);
        Assert.Equal(2, _wecom.CallsTo(FakeWeComApi.RobotSendPath).Count);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(host, id)).Status);
    }

    [Fact]
    public async Task Dispatch_RobotServerErrorsOnEveryAttempt_FailsAfterMaxAttemptsWithReasonKept()
    {
        using var host = Host().With("Outbox:MaxAttempts", "2");
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var id = await EnqueueAsync(host, OutboxGridAlerter.RobotChannel, "duty-robot-key");
        _wecom.FailNextWithHttp(FakeWeComApi.RobotSendPath, 503, count: 2);

        Assert.True(await dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Equal(OutboxStatus.Pending, (await RowAsync(host, id)).Status);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await dispatcher.DispatchOnceAsync(CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.False(await dispatcher.DispatchOnceAsync(CancellationToken.None));

        var row = await RowAsync(host, id);
        Assert.Equal((OutboxStatus.Failed, 2, "HTTP 503 ServiceUnavailable"), (row.Status, row.Attempts, row.LastError));
        Assert.Empty(_wecom.RobotSends);
    }

    private BotHostFactory Host() => WeComRequests.Configure(new BotHostFactory(), replayWindowSeconds: 300)
        .With("WeCom:ApiBaseUrl", _wecom.BaseUrl)
        .With("WeCom:Secret", "wecom-secret")
        .With("Outbox:Enabled", "false");

    private static async Task<long> EnqueueAsync(BotHostFactory host, string channel, string userId) =>
        await host.Services.GetRequiredService<IOutboxStore>()
            .EnqueueAsync(new ResidentKey(channel, userId), Reply.FromText("【黄色】新工单 2026-000001"), CancellationToken.None);

    private static Task<OutboxMessage> RowAsync(BotHostFactory host, long id) =>
        host.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));
}
