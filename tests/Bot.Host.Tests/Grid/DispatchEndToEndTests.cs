using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Bot.Host.Tests.Infrastructure;
using Bot.TestSupport.WeCom;

namespace Bot.Host.Tests.Grid;

/// <summary>派单 end to end: a resident's complaint reaches the building's worker in WeCom, and the worker's 办结 asks the resident to rate.</summary>
public sealed partial class DispatchEndToEndTests : IAsyncLifetime
{
    private const string Roster = "姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长\r\n"
        + "赵六,楼栋网格员,zhaoliu,13811112222,全天,幸福里小区,3栋,\r\n"
        + "孙八,楼栋网格员,sunba,13833334444,全天,幸福里小区,4栋,\r\n"
        + "李四,小区网格长,lisi,13900000000,全天,幸福里小区,,\r\n";

    private FakeWeComApi _wecom = null!;

    public async Task InitializeAsync() => _wecom = await FakeWeComApi.StartAsync();

    public async Task DisposeAsync() => await _wecom.DisposeAsync();

    [Fact]
    public async Task Complaint_DispatchedToWorker_WorkerResolvesInWeCom_ResidentAskedToRate()
    {
        using var host = WeComRequests.Configure(new BotHostFactory(), replayWindowSeconds: 300)
            .With("WeCom:ApiBaseUrl", _wecom.BaseUrl)
            .With("WeCom:Secret", "wecom-secret");
        var admin = host.CreateAdminClient();
        var csv = new ByteArrayContent(Encoding.UTF8.GetBytes(Roster));
        csv.Headers.ContentType = new("text/csv");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/roster/import", csv)).StatusCode);

        var filed = await (await admin.PostAsJsonAsync("/api/simulator/messages",
            new { user = "sim-dispatch", text = "幸福里小区3栋楼上每天半夜装修太吵了，我电话13812345678" })).Content.ReadFromJsonAsync<JsonElement>();
        var number = TicketNumber().Match(filed.GetProperty("replies")[0].GetProperty("text").GetString()!).Value;
        Assert.NotEmpty(number);

        await _wecom.WaitForSendsAsync(FakeWeComApi.AppSendPath, 1, TimeSpan.FromSeconds(20));
        var card = Assert.Single(_wecom.AppSends);
        Assert.Equal("zhaoliu", card["touser"]!.GetValue<string>());
        var content = card["text"]!["content"]!.GetValue<string>();
        Assert.Contains(number, content);
        Assert.Contains("138****5678", content);
        Assert.Contains("电话：138****5678", content);
        Assert.Equal("dispatched", await StateAsync(admin, number));

        var requests = new WeComRequests(host.Clock.GetUtcNow());
        var response = await host.CreateClient().SendAsync(requests.Xml(WeComRequests.TextXml("zhaoliu", $"办结 {number} 已处理，已协调改为白天施工", 42)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = XElement.Parse(WeComRequests.OpenXmlReply(await response.Content.ReadAsStringAsync()));
        Assert.StartsWith("已办结上报", reply.Element("Content")!.Value);
        Assert.Equal("follow_up", await StateAsync(admin, number));

        var ask = await WaitForResidentMessageAsync(admin, "sim-dispatch", "回复 1–5");
        Assert.Contains(number, ask);
        Assert.Contains("已处理，已协调改为白天施工", ask);
    }

    [Fact]
    public async Task WorkerOfAnotherBuilding_IsRefusedInWeCom()
    {
        using var host = WeComRequests.Configure(new BotHostFactory(), replayWindowSeconds: 300)
            .With("WeCom:ApiBaseUrl", _wecom.BaseUrl)
            .With("WeCom:Secret", "wecom-secret");
        var admin = host.CreateAdminClient();
        var csv = new ByteArrayContent(Encoding.UTF8.GetBytes(Roster));
        csv.Headers.ContentType = new("text/csv");
        await admin.PostAsync("/api/roster/import", csv);
        var filed = await (await admin.PostAsJsonAsync("/api/simulator/messages",
            new { user = "sim-other", text = "幸福里小区3栋楼上每天半夜装修太吵了" })).Content.ReadFromJsonAsync<JsonElement>();
        var number = TicketNumber().Match(filed.GetProperty("replies")[0].GetProperty("text").GetString()!).Value;

        var requests = new WeComRequests(host.Clock.GetUtcNow());
        var response = await host.CreateClient().SendAsync(requests.Xml(WeComRequests.TextXml("sunba", $"接单 {number}", 43)));

        var reply = XElement.Parse(WeComRequests.OpenXmlReply(await response.Content.ReadAsStringAsync()));
        Assert.Equal("该工单不属于您的网格。", reply.Element("Content")!.Value);
        Assert.Equal("dispatched", await StateAsync(admin, number));
    }

    private static async Task<string> StateAsync(HttpClient admin, string number) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}")).GetProperty("ticket").GetProperty("state").GetString()!;

    /// <summary>The rating request goes through the outbox; the simulator lists it once delivered.</summary>
    private static async Task<string> WaitForResidentMessageAsync(HttpClient admin, string user, string containing)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var poll = await admin.GetFromJsonAsync<JsonElement>($"/api/simulator/messages?user={user}&after=0");
            var match = poll.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).FirstOrDefault(t => t.Contains(containing, StringComparison.Ordinal));
            if (match is not null)
            {
                return match;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No simulator message containing “{containing}” for {user}.");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"20\d{2}-\d{6}")]
    private static partial Regex TicketNumber();
}
