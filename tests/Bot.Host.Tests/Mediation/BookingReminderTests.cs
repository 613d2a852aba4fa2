using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Host.Jobs;
using Bot.TestSupport.WeCom;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Bot.Host.Tests.Mediation;

/// <summary>Reminders through the real Quartz scheduler and its persistent store, driven by the fake clock.</summary>
public sealed partial class BookingReminderTests
{
    private static readonly DateTimeOffset Wednesday10 = BookingHost.Monday9.AddDays(2).AddHours(1);

    [Fact]
    public async Task Reminders_DayAndHourBefore_EachSentOnceToResidentAndMediator()
    {
        await using var host = await BookingHost.StartAsync(f => f.WithJobs());
        var number = await BookAsync(host, "rem-1");

        await AdvanceUntilAsync(host, Wednesday10.AddHours(-24), () => HasAsync(host, "rem-1", "24小时后开始"));
        await AdvanceUntilAsync(host, Wednesday10.AddHours(-1), () => HasAsync(host, "rem-1", "1小时后开始"));
        await host.WeCom.WaitForSendsAsync(FakeWeComApi.AppSendPath, 3, TimeSpan.FromSeconds(20));
        await AdvanceUntilAsync(host, Wednesday10.AddMinutes(-5), () => Task.FromResult(true));

        var texts = await host.ResidentTextsAsync("rem-1");
        Assert.Single(texts, t => t.Contains("24小时后开始", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("1小时后开始", StringComparison.Ordinal) && t.Contains(number, StringComparison.Ordinal));
        var mediator = host.WeCom.AppSends.Where(s => s["touser"]!.GetValue<string>() == "zhoulawyer")
            .Select(s => s["text"]!["content"]!.GetValue<string>()).Where(t => t.StartsWith("⏰ 调解提醒", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mediator.Count);
    }

    [Fact]
    public async Task Reminders_CancelledBooking_NothingSent()
    {
        await using var host = await BookingHost.StartAsync(f => f.WithJobs());
        var number = await BookAsync(host, "rem-2");
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.PostAsync($"/api/bookings/{number}/cancel", null)).StatusCode);

        // Deterministic: the cancellation removed both triggers from the persistent store.
        var scheduler = await host.Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var triggers = await scheduler.GetTriggersOfJob(BookingReminderJob.Key);
        Assert.DoesNotContain(triggers, t => t.Key.Name.StartsWith(number, StringComparison.Ordinal));

        await AdvanceUntilAsync(host, Wednesday10.AddMinutes(-30), () => Task.FromResult(true));
        Assert.DoesNotContain(await host.ResidentTextsAsync("rem-2"), t => t.Contains("温馨提醒", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminders_HostRestartedBeforeTheirTime_StillSentByTheNewHost()
    {
        var data = Directory.CreateTempSubdirectory("bot-reminder-restart-").FullName;
        var scheduler = $"restart-{Guid.NewGuid():N}";
        await using (var first = await BookingHost.StartAsync(f => f.WithJobs().With("Jobs:SchedulerName", scheduler), data))
        {
            await BookAsync(first, "rem-3");
        }

        await using var second = await BookingHost.StartAsync(f => f.WithJobs().With("Jobs:SchedulerName", scheduler), data, seed: false);
        await AdvanceUntilAsync(second, Wednesday10.AddHours(-24), () => HasAsync(second, "rem-3", "24小时后开始"));
    }

    [Fact]
    public async Task CalendarLink_SignedLinkServesIcs_ForgedSignatureIsNotFound()
    {
        await using var host = await BookingHost.StartAsync(f => f.With("Bookings:PublicBaseUrl", "https://bot.example.org"));
        await host.SayAsync("ics", "我想预约调解，楼上漏水赔偿谈不拢");
        await host.SayAsync("ics", "请社区邀请");
        await host.SayAsync("ics", "1");
        var confirmed = await host.SayAsync("ics", "确认");
        var link = Link().Match(confirmed).Value;
        Assert.NotEmpty(link);

        var ics = await host.Factory.CreateClient().GetAsync(new Uri(link).PathAndQuery);
        var forged = await host.Factory.CreateClient().GetAsync(new Uri(link).AbsolutePath + "?sig=00000000000000000000000000000000");

        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var body = await ics.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VEVENT", body);
        Assert.Contains("DTSTART:20300107T030000Z", body);
        Assert.Contains("睦邻茶室", body);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    private static async Task<string> BookAsync(BookingHost host, string user)
    {
        var response = await host.Admin.PostAsJsonAsync("/api/bookings", new
        {
            user, topic = "邻居漏水纠纷", start = Wednesday10, venueId = host.VenueId, mediatorId = await host.MediatorIdAsync("周律师"),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
    }

    /// <summary>
    /// Moves the fake clock to <paramref name="at"/>, then on in small steps until <paramref name="arrived"/> succeeds:
    /// Quartz waits on the clock's timers, so each step lets due triggers fire. No real time passes for the session.
    /// </summary>
    private static async Task AdvanceUntilAsync(BookingHost host, DateTimeOffset at, Func<Task<bool>> arrived)
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

    private static async Task<bool> HasAsync(BookingHost host, string user, string containing) =>
        (await host.ResidentTextsAsync(user)).Any(t => t.Contains(containing, StringComparison.Ordinal));

    [GeneratedRegex(@"https://bot\.example\.org/calendar/\S+")]
    private static partial Regex Link();
}
