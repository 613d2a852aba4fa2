using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bot.Host.Tests.Events;

/// <summary>Residents through the simulator: when and where, topics (and tickets), home visits, their own registrations.</summary>
public sealed partial class EventDialogueTests : IAsyncLifetime
{
    private EventHost _host = null!;

    public async Task InitializeAsync() => _host = await EventHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task NightMarket_WhenAndWhere_NextSessionForTheResidentsCompound()
    {
        await _host.SaveScheduleAsync(new
        {
            kind = "night_market", title = "阳光苑夜市", weekday = 1, startTime = "18:30", endTime = "20:00", place = "阳光苑北门",
            compoundId = await _host.CompoundIdAsync("阳光苑"),
        });
        await _host.SayAsync("nm-1", "我住在幸福里3栋");

        var answer = await _host.SayAsync("nm-1", "夜市什么时候开？在哪");

        Assert.Contains("12月2日（周三）19:00-21:00", answer);
        Assert.Contains("党群服务中心广场", answer);
        Assert.DoesNotContain("阳光苑北门", answer);
    }

    [Fact]
    public async Task NightMarket_ComplaintMentioningAStreetNightMarket_StaysAComplaint()
    {
        var response = await _host.Admin.PostAsJsonAsync("/api/simulator/messages", new { user = "nm-2", text = "夜市摆到小区门口来了 吵到半夜 油烟还大" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.NotEqual("night_market", body.GetProperty("intent").GetString());
    }

    [Fact]
    public async Task NightMarket_TopicThatIsAComplaint_RegisteredAndTicketedWithOriginNightMarket()
    {
        var answer = await _host.SayAsync("nm-3", "我想在夜市上反映楼下烧烤店油烟太大，天天熏到家里");

        Assert.Contains("已登记您的议题", answer);
        var number = TicketNumber().Match(answer).Value;
        Assert.NotEmpty(number);
        var ticket = await _host.Admin.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        Assert.Equal("夜市", ticket.GetProperty("ticket").GetProperty("origin").GetString());
        var occurrence = Occurrence(EventHost.Wednesday19);
        var registrations = await _host.Admin.GetFromJsonAsync<JsonElement>($"/api/events/occurrences/{occurrence}/registrations");
        Assert.Equal(number, Assert.Single(registrations.EnumerateArray()).GetProperty("ticketNumber").GetString());
    }

    [Fact]
    public async Task NightMarket_TopicAskedFor_SecondMessageIsTheTopic()
    {
        Assert.Contains("请用一两句话", await _host.SayAsync("nm-4", "我想在夜市反映一下"));

        var answer = await _host.SayAsync("nm-4", "建议小区增设电动车充电桩");

        Assert.Contains("已登记您的议题", answer);
        Assert.DoesNotContain("工单", answer);
    }

    [Fact]
    public async Task VisitDay_HomeVisitWithPriority_ListedAndOnlyTheOwnerMayCancel()
    {
        await _host.SaveScheduleAsync(new
        {
            kind = "visit_day", title = "民意5来听", place = "各小区及沿街商户",
            visits = new[] { new { personId = await _host.PersonIdAsync("赵六"), compoundIds = new[] { await _host.CompoundIdAsync("幸福里小区") }, places = new[] { "幸福路商户" } } },
        });
        await _host.SayAsync("vd-1", "我住在幸福里3栋");

        Assert.Contains("12月5日（周六）09:00-12:00", await _host.SayAsync("vd-1", "走访日是哪天"));
        Assert.Contains("老年人或残疾人", await _host.SayAsync("vd-1", "请干部上门走访"));
        var registered = await _host.SayAsync("vd-1", "是的，家里有80岁老人");
        Assert.Contains("优先走访", registered);
        var id = RegistrationId().Match(registered).Groups[1].Value;

        Assert.Contains($"{id}｜上门走访", await _host.SayAsync("vd-1", "我的报名"));
        Assert.Contains("没有找到", await _host.SayAsync("vd-other", $"取消报名 {id}"));
        Assert.Contains($"已取消报名 {id}", await _host.SayAsync("vd-1", $"取消报名 {id}"));
        Assert.Contains("没有找到", await _host.SayAsync("vd-1", $"取消报名 {id}"));
    }

    [Fact]
    public async Task VisitDay_TopicThatIsAComplaint_TicketOriginIsVisit()
    {
        await _host.SaveScheduleAsync(new { kind = "visit_day", title = "民意5来听", place = "各小区" });

        var answer = await _host.SayAsync("vd-2", "走访的时候我想反映小区门口路灯坏了一个多月没人修");

        var number = TicketNumber().Match(answer).Value;
        Assert.Contains("12月5日", answer);
        var ticket = await _host.Admin.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        Assert.Equal("走访", ticket.GetProperty("ticket").GetProperty("origin").GetString());
    }

    [Fact]
    public async Task Cancel_Session_RegisteredResidentAndGroupToldAtOnce_NextAnswerSkipsIt()
    {
        await _host.SayAsync("nm-5", "订阅夜市提醒");
        var occurrence = Occurrence(EventHost.Wednesday19);

        var response = await _host.Admin.PostAsJsonAsync($"/api/events/occurrences/{occurrence}/cancel", new { reason = "大风降温" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("大风降温", await _host.WaitForResidentAsync("nm-5", "【活动取消】"));
        await _host.WeCom.WaitForSendsAsync(Bot.TestSupport.WeCom.FakeWeComApi.RobotSendPath, 1, TimeSpan.FromSeconds(20));
        Assert.Contains(_host.RobotTexts(), t => t.Contains("【活动取消】", StringComparison.Ordinal));
        Assert.Contains("12月9日（周三）19:00", await _host.SayAsync("nm-5", "下次夜市什么时候"));
    }

    [Fact]
    public async Task Move_Session_NewTimeAndPlaceAnnouncedAndShown()
    {
        var occurrence = Occurrence(EventHost.Wednesday19);
        var response = await _host.Admin.PostAsJsonAsync($"/api/events/occurrences/{occurrence}/move", new
        {
            reason = "预报有雨", start = EventHost.Wednesday19.AddDays(1).AddMinutes(-30), place = "社区活动室",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await _host.SayAsync("nm-6", "夜市什么时候");
        Assert.Contains("12月3日（周四）18:30-20:30", answer);
        Assert.Contains("社区活动室", answer);
        Assert.Contains("预报有雨", answer);
    }

    internal static string Occurrence(DateTimeOffset start) => $"1-{start:yyyyMMddHHmm}";

    [GeneratedRegex(@"\d{4}-\d{6}")]
    private static partial Regex TicketNumber();

    [GeneratedRegex(@"报名号 (\d+)")]
    private static partial Regex RegistrationId();
}
