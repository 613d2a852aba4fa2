using System.Net.Http.Json;
using Bot.TestSupport.WeCom;

namespace Bot.Host.Tests.Events;

/// <summary>Announcements through the real Quartz scheduler and its persistent store, driven by the fake clock.</summary>
public sealed class EventAnnouncementTests
{
    private static readonly DateTimeOffset Session = EventHost.Wednesday19;

    [Fact]
    public async Task Announcements_DayAndHourBefore_EachOnceToGroupResidentAndHostWithAgenda()
    {
        await using var host = await EventHost.StartAsync(f => f.WithJobs());
        await host.SayAsync("an-1", "我想在夜市反映建议广场加装路灯，我叫张三丰电话13812345678");
        await host.SayAsync("an-2", "我想在夜市反映楼下烧烤店油烟太大，天天熏到家里");

        await AdvanceUntilAsync(host, Session.AddDays(-1), () => HasAsync(host, "an-1", "明天开始"));
        await AdvanceUntilAsync(host, Session.AddHours(-1), () => HasAsync(host, "an-1", "1小时后开始"));
        await host.WeCom.WaitForSendsAsync(FakeWeComApi.RobotSendPath, 2, TimeSpan.FromSeconds(20));
        await AdvanceUntilAsync(host, Session.AddMinutes(-5), () => Task.FromResult(true));

        var texts = await host.ResidentTextsAsync("an-1");
        Assert.Single(texts, t => t.Contains("明天开始", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("1小时后开始", StringComparison.Ordinal));
        Assert.Single(await host.ResidentTextsAsync("an-2"), t => t.Contains("1小时后开始", StringComparison.Ordinal));
        var robot = host.RobotTexts();
        Assert.Equal(2, robot.Count);
        Assert.Contains("党群服务中心广场", robot[0]);
        Assert.DoesNotContain("138", string.Concat(robot));
        var agenda = Assert.Single(host.AppTextsTo("wangshuji"), t => t.Contains("议程", StringComparison.Ordinal));
        Assert.Contains("居民提前登记的议题（2项）", agenda);
        Assert.Contains("【意见建议】", agenda);
        Assert.Contains("138****5678", agenda);
        Assert.DoesNotContain("13812345678", agenda);
    }

    [Fact]
    public async Task Announcements_HostRestartedBeforeTheirTime_SentOnceByTheNewHost()
    {
        var data = Directory.CreateTempSubdirectory("bot-event-restart-").FullName;
        var scheduler = $"events-{Guid.NewGuid():N}";
        await using (var first = await EventHost.StartAsync(f => f.WithJobs().With("Jobs:SchedulerName", scheduler), data))
        {
            await first.SayAsync("an-3", "订阅夜市");
        }

        await using var second = await EventHost.StartAsync(f => f.WithJobs().With("Jobs:SchedulerName", scheduler), data, seed: false);
        await AdvanceUntilAsync(second, Session.AddDays(-1), () => HasAsync(second, "an-3", "明天开始"));
        await AdvanceUntilAsync(second, Session.AddDays(-1).AddMinutes(10), () => Task.FromResult(true));

        Assert.Single(await second.ResidentTextsAsync("an-3"), t => t.Contains("明天开始", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Announcements_SentBeforeARestart_NotSentAgainByTheNewHost()
    {
        var data = Directory.CreateTempSubdirectory("bot-event-resend-").FullName;
        var scheduler = $"events-{Guid.NewGuid():N}";
        await using (var first = await EventHost.StartAsync(f => f.WithJobs().With("Jobs:SchedulerName", scheduler), data))
        {
            await first.SayAsync("an-6", "订阅夜市");
            await AdvanceUntilAsync(first, Session.AddDays(-1), () => HasAsync(first, "an-6", "明天开始"));
        }

        await using var second = await EventHost.StartAsync(f => f.WithJobs().With("Jobs:SchedulerName", scheduler), data, seed: false);
        second.Factory.Clock.SetUtcNow(Session.AddDays(-1).AddMinutes(1));
        await AdvanceUntilAsync(second, Session.AddHours(-1), () => HasAsync(second, "an-6", "1小时后开始"));

        var texts = await second.ResidentTextsAsync("an-6");
        Assert.Single(texts, t => t.Contains("明天开始", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("1小时后开始", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Announcements_SessionCancelled_OnlyTheCancellationIsSent()
    {
        await using var host = await EventHost.StartAsync(f => f.WithJobs());
        await host.SayAsync("an-4", "订阅夜市");
        var cancel = await host.Admin.PostAsJsonAsync($"/api/events/occurrences/{EventDialogueTests.Occurrence(Session)}/cancel", new { reason = "暴雨预警" });
        cancel.EnsureSuccessStatusCode();

        await AdvanceUntilAsync(host, Session.AddMinutes(-10), () => Task.FromResult(true));

        var texts = await host.ResidentTextsAsync("an-4");
        Assert.Single(texts, t => t.Contains("【活动取消】", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("温馨提醒", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Announcements_SessionMoved_AnnouncedForTheNewTime()
    {
        await using var host = await EventHost.StartAsync(f => f.WithJobs());
        await host.SayAsync("an-5", "订阅夜市");
        var moved = Session.AddDays(1);
        var move = await host.Admin.PostAsJsonAsync($"/api/events/occurrences/{EventDialogueTests.Occurrence(Session)}/move", new { reason = "与社区活动冲突", start = moved });
        move.EnsureSuccessStatusCode();

        // One stage at a time: jumping straight to the last hour would make both due at once, in either order.
        await AdvanceUntilAsync(host, moved.AddDays(-1), () => HasAsync(host, "an-5", "明天开始"));
        await AdvanceUntilAsync(host, moved.AddHours(-1), () => HasAsync(host, "an-5", "1小时后开始"));

        var hourBefore = Assert.Single(await host.ResidentTextsAsync("an-5"), t => t.Contains("1小时后开始", StringComparison.Ordinal));
        Assert.Contains("12月3日（周四）19:00", hourBefore);
        Assert.Single(await host.ResidentTextsAsync("an-5"), t => t.Contains("明天开始", StringComparison.Ordinal));
    }

    /// <summary>Moves the fake clock to <paramref name="at"/>, then on in small steps until <paramref name="arrived"/> succeeds.</summary>
    private static async Task AdvanceUntilAsync(EventHost host, DateTimeOffset at, Func<Task<bool>> arrived)
    {
        var clock = host.Factory.Clock;
        if (clock.GetUtcNow() < at)
        {
            clock.SetUtcNow(at);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await arrived())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Nothing arrived by {clock.GetUtcNow():O}.");
            await Task.Delay(200);
            clock.Advance(TimeSpan.FromSeconds(5));
        }
    }

    private static async Task<bool> HasAsync(EventHost host, string user, string containing) =>
        (await host.ResidentTextsAsync(user)).Any(t => t.Contains(containing, StringComparison.Ordinal));
}
