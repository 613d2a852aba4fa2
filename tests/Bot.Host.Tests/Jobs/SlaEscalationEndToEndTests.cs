using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Host.Tests.Infrastructure;
using Bot.TestSupport.WeCom;

namespace Bot.Host.Tests.Jobs;

/// <summary>
/// The SLA end to end, with the real Quartz scheduler driven by the fake clock: a grid-level yellow ticket is due in
/// 15 business minutes, its worker is reminded at 12 and, unanswered, it is escalated to the compound's leader.
/// </summary>
public sealed partial class SlaEscalationEndToEndTests : IAsyncLifetime
{
    private const string Roster = "姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长\r\n"
        + "赵六,楼栋网格员,zhaoliu,13811112222,全天,幸福里小区,3栋,\r\n"
        + "李四,小区网格长,lisi,13900000000,全天,幸福里小区,,\r\n"
        + "王五,社区总网格,wangwu,13700000000,全天,,,\r\n";

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // A Monday morning and a Friday evening, in the future so the fake clock only moves forward.
    private static readonly DateTimeOffset Monday = new(2027, 3, 1, 10, 0, 0, China);
    private static readonly DateTimeOffset FridayEvening = new(2027, 3, 5, 17, 20, 0, China);

    private FakeWeComApi _wecom = null!;

    public async Task InitializeAsync() => _wecom = await FakeWeComApi.StartAsync();

    public async Task DisposeAsync() => await _wecom.DisposeAsync();

    [Fact]
    public async Task Unanswered_RemindedThenEscalatedToTheLeader()
    {
        using var host = Host(Monday);
        var (admin, watcher) = await StartAsync(host);
        var number = await FileAsync(admin, "sim-sla-1");
        await _wecom.WaitForSendsAsync(FakeWeComApi.AppSendPath, 1, TimeSpan.FromSeconds(20));

        await watcher.SweepAtAsync(Monday.AddMinutes(12));
        await _wecom.WaitForSendsAsync(FakeWeComApi.AppSendPath, 2, TimeSpan.FromSeconds(20));
        var reminder = _wecom.AppSends[1];
        Assert.Equal("zhaoliu", reminder["touser"]!.GetValue<string>());
        Assert.Contains($"⏰ 工单 {number} 将于 10:15 超时，请尽快响应", Content(reminder));

        await watcher.SweepAtAsync(Monday.AddMinutes(15));
        await _wecom.WaitForSendsAsync(FakeWeComApi.AppSendPath, 4, TimeSpan.FromSeconds(20));
        var toLeader = Assert.Single(_wecom.AppSends, s => s["touser"]!.GetValue<string>() == "lisi");
        Assert.Contains("【超时升级】", Content(toLeader));
        Assert.Contains("已升级至小区网格长 李四", Content(Assert.Single(_wecom.AppSends.Skip(2), s => s["touser"]!.GetValue<string>() == "zhaoliu")));

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        var ticket = detail.GetProperty("ticket");
        Assert.Equal(("dispatched", "compound"), (ticket.GetProperty("state").GetString(), ticket.GetProperty("level").GetString()));
        Assert.Equal(await PersonIdAsync(admin, "李四"), ticket.GetProperty("assigneeId").GetInt64());
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h =>
            h.GetProperty("to").GetString() == "escalated" && h.GetProperty("note").GetString() == "超时未响应，升级至小区网格长 李四");
    }

    [Fact]
    public async Task AcceptedBeforeTheDeadline_NotEscalated()
    {
        using var host = Host(Monday);
        var (admin, watcher) = await StartAsync(host);
        var number = await FileAsync(admin, "sim-sla-2");
        await _wecom.WaitForSendsAsync(FakeWeComApi.AppSendPath, 1, TimeSpan.FromSeconds(20));

        host.Clock.SetUtcNow(Monday.AddMinutes(5));
        var requests = new WeComRequests(host.Clock.GetUtcNow());
        var response = await host.CreateClient().SendAsync(requests.Xml(WeComRequests.TextXml("zhaoliu", $"接单 {number}", 51)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await watcher.SweepAtAsync(Monday.AddMinutes(20));

        var ticket = (await admin.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}")).GetProperty("ticket");
        Assert.Equal(("in_progress", "building"), (ticket.GetProperty("state").GetString(), ticket.GetProperty("level").GetString()));
        Assert.DoesNotContain(_wecom.AppSends, s => s["touser"]!.GetValue<string>() == "lisi");
    }

    [Fact]
    public async Task FiledFridayEvening_NotEscalatedOverTheWeekend()
    {
        using var host = Host(FridayEvening);
        var (admin, watcher) = await StartAsync(host);
        var number = await FileAsync(admin, "sim-sla-3");
        await _wecom.WaitForSendsAsync(FakeWeComApi.AppSendPath, 1, TimeSpan.FromSeconds(20));

        // Saturday, Sunday and Monday 08:30: 10 business minutes spent on Friday, 5 left.
        foreach (var at in new[] { FridayEvening.AddHours(18), FridayEvening.AddHours(42), new DateTimeOffset(2027, 3, 8, 8, 30, 0, China) })
        {
            await watcher.SweepAtAsync(at);
        }

        var ticket = (await admin.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}")).GetProperty("ticket");
        Assert.Equal(("dispatched", "building"), (ticket.GetProperty("state").GetString(), ticket.GetProperty("level").GetString()));
        Assert.Equal(new DateTimeOffset(2027, 3, 8, 8, 35, 0, China), ticket.GetProperty("responseDueAt").GetDateTimeOffset());
        Assert.DoesNotContain(_wecom.AppSends, s => s["touser"]!.GetValue<string>() == "lisi");
    }

    private BotHostFactory Host(DateTimeOffset start)
    {
        var host = WeComRequests.Configure(new BotHostFactory(), replayWindowSeconds: 300)
            .With("WeCom:ApiBaseUrl", _wecom.BaseUrl)
            .With("WeCom:Secret", "wecom-secret")
            .WithJobs();
        host.Clock.SetUtcNow(start);
        return host;
    }

    private static async Task<(HttpClient Admin, SweepWatcher Watcher)> StartAsync(BotHostFactory host)
    {
        var admin = host.CreateAdminClient();
        var csv = new ByteArrayContent(Encoding.UTF8.GetBytes(Roster));
        csv.Headers.ContentType = new("text/csv");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/roster/import", csv)).StatusCode);
        return (admin, await SweepWatcher.AttachAsync(host.Services, host.Clock));
    }

    private static async Task<string> FileAsync(HttpClient admin, string user)
    {
        var filed = await (await admin.PostAsJsonAsync("/api/simulator/messages",
            new { user, text = "幸福里小区3栋楼上每天半夜装修太吵了" })).Content.ReadFromJsonAsync<JsonElement>();
        var number = TicketNumber().Match(filed.GetProperty("replies")[0].GetProperty("text").GetString()!).Value;
        Assert.NotEmpty(number);
        return number;
    }

    private static async Task<long> PersonIdAsync(HttpClient admin, string name)
    {
        var people = await admin.GetFromJsonAsync<JsonElement>("/api/roster/people");
        return people.EnumerateArray().Single(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetInt64();
    }

    private static string Content(System.Text.Json.Nodes.JsonObject send) => send["text"]!["content"]!.GetValue<string>();

    [GeneratedRegex(@"20\d{2}-\d{6}")]
    private static partial Regex TicketNumber();
}
