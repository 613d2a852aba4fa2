using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;

namespace Bot.Host.Tests.Endpoints;

/// <summary>The ledger end to end: a resident files through the simulator, staff move the ticket, the resident rates it.</summary>
public sealed class TicketEndpointsTests : IDisposable
{
    // No knowledge entries: a consultation is filed for staff, so it shows in the 需求清单.
    private readonly BotHostFactory _host = new BotHostFactory().With("Knowledge:Folder", Bot.Host.Tests.Knowledge.KnowledgeHost.EmptyFolder());
    private readonly HttpClient _client;

    public TicketEndpointsTests() => _client = _host.CreateAdminClient();

    public void Dispose() => _host.Dispose();

    private async Task<JsonElement> SayAsync(string user, string text) =>
        await (await _client.PostAsJsonAsync("/api/simulator/messages", new { user, text })).Content.ReadFromJsonAsync<JsonElement>();

    private async Task<string> FileNoiseComplaintAsync(string user = "sim-ledger")
    {
        var reply = await SayAsync(user, "幸福里小区3栋楼上每天半夜装修，电钻声音特别吵，电话13812345678");
        Assert.Equal("complaint", reply.GetProperty("intent").GetString());
        var text = reply.GetProperty("replies")[0].GetProperty("text").GetString()!;
        return System.Text.RegularExpressions.Regex.Match(text, @"20\d{2}-\d{6}").Value;
    }

    private Task<HttpResponseMessage> MoveAsync(string number, string to, string note = "处理") =>
        _client.PostAsJsonAsync($"/api/tickets/{number}/transitions", new { to, actor = "网格员张三", note });

    [Fact]
    public async Task Lifecycle_FileDispatchResolveRate_ClosesWithRating()
    {
        var number = await FileNoiseComplaintAsync();
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(number, "dispatched")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(number, "in_progress")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(number, "resolved", "已上门协调，改为白天施工")).StatusCode);

        var poll = await _client.GetFromJsonAsync<JsonElement>("/api/simulator/messages?user=sim-ledger&after=0");
        var ask = poll.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()).Last()!;
        Assert.Contains(number, ask);
        Assert.Contains("回复 1–5", ask);

        var rated = await SayAsync("sim-ledger", "5 处理很及时");
        Assert.Equal("rating", rated.GetProperty("intent").GetString());

        var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        Assert.Equal("closed", detail.GetProperty("ticket").GetProperty("state").GetString());
        Assert.Equal(5, detail.GetProperty("ticket").GetProperty("rating").GetInt32());
        var states = detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()).ToList();
        Assert.Equal(["accepted", "dispatched", "in_progress", "resolved", "follow_up", "follow_up", "closed"], states);
    }

    [Fact]
    public async Task Metrics_AfterARatedTicket_ReportsRatesPerGrid()
    {
        var number = await FileNoiseComplaintAsync();
        await MoveAsync(number, "dispatched");
        await MoveAsync(number, "in_progress");
        await MoveAsync(number, "resolved", "已协调");
        await SayAsync("sim-ledger", "5");

        var metrics = await _client.GetFromJsonAsync<JsonElement>("/api/tickets/metrics");

        var grid = metrics.EnumerateArray().Single(m => m.GetProperty("grid").GetString() == "幸福里小区");
        Assert.Equal(1.0, grid.GetProperty("responseRate").GetDouble());
        Assert.Equal(1.0, grid.GetProperty("resolutionRate").GetDouble());
        Assert.Equal(1.0, grid.GetProperty("satisfactionRate").GetDouble());
        Assert.Equal("全部", metrics[metrics.GetArrayLength() - 1].GetProperty("grid").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().GetAsync("/api/tickets/metrics")).StatusCode);
    }

    [Fact]
    public async Task Transition_IllegalMove_Returns409AndKeepsState()
    {
        var number = await FileNoiseComplaintAsync();

        var response = await MoveAsync(number, "closed");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = await _client.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        Assert.Equal("accepted", detail.GetProperty("ticket").GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("{\"to\":\"teleported\",\"actor\":\"x\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"to\":\"3\",\"actor\":\"x\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"to\":\"dispatched\"}", HttpStatusCode.BadRequest)]
    public async Task Transition_BadRequest_Returns400(string body, HttpStatusCode expected)
    {
        var number = await FileNoiseComplaintAsync();

        var response = await _client.PostAsync($"/api/tickets/{number}/transitions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownNumber_Returns404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/tickets/2026-999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MoveAsync("2026-999999", "dispatched")).StatusCode);
    }

    [Fact]
    public async Task Api_WithoutKey_Returns401()
    {
        var anonymous = _host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/tickets/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/tickets/2026-000001/transitions", new { to = "closed", actor = "x" })).StatusCode);
    }

    [Fact]
    public async Task Export_QuarterCsv_GroupedAndMasked()
    {
        await FileNoiseComplaintAsync("sim-a");
        await SayAsync("sim-b", "我想咨询一下高龄津贴怎么申请，需要带什么材料");

        var response = await _client.GetAsync("/api/tickets/export");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var csv = Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("清单,类别,网格,工单号", lines[0]);
        Assert.StartsWith("需求清单", lines[1]);
        Assert.StartsWith("问题清单,噪声扰民,幸福里小区", lines[2]);
        Assert.Contains("138****5678", csv);
        Assert.DoesNotContain("13812345678", csv);
    }

    [Fact]
    public async Task List_BadDate_Returns400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/tickets?from=2026-13-45")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/tickets?from=2026-10-01&to=2026-07-01")).StatusCode);
    }
}
