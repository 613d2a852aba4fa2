using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Complaints;

namespace Bot.Host.Tests.AdminConsole;

/// <summary>The console's ledger API: grid scope, filters, actions, the dashboard and the quarterly CSV.</summary>
public sealed class ConsoleTicketEndpointsTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private readonly BotHostFactory _host = fixture.Host;

    private static async Task<IReadOnlyList<string>> NumbersAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<JsonElement>("/api/console/tickets?pageSize=100" + query)).GetProperty("items").EnumerateArray()
            .Select(t => t.GetProperty("number").GetString()!).ToList();

    [Fact]
    public async Task List_GridLeader_SeesOnlyOwnGrid()
    {
        var mine = await ConsoleSeed.FileAsync(_host, "幸福里小区", "noise", Colour.Yellow, "楼上装修太吵");
        var other = await ConsoleSeed.FileAsync(_host, "和平苑小区", "parking", Colour.Green, "车位被占");
        using var leader = await ConsoleSession.SignInAsync(_host, "leader");
        var numbers = await NumbersAsync(leader);
        Assert.Contains(mine.Number, numbers);
        Assert.DoesNotContain(other.Number, numbers);

        using var boss = await ConsoleSession.SignInAsync(_host, "boss");
        Assert.Contains(other.Number, await NumbersAsync(boss));
    }

    [Fact]
    public async Task GetAndAct_GridLeaderOnOtherGridsTicket_Returns404()
    {
        var other = await ConsoleSeed.FileAsync(_host, "和平苑小区", "sanitation", Colour.Green, "垃圾没人清");
        using var leader = await ConsoleSession.SignInAsync(_host, "leader");
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/console/tickets/{other.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.PostAsJsonAsync($"/api/console/tickets/{other.Number}/close", new { note = "越权" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/api/tickets/{other.Number}")).StatusCode);
    }

    [Fact]
    public async Task Close_WithNote_ClosesAndRecordsHistory()
    {
        var ticket = await ConsoleSeed.FileAsync(_host, "幸福里小区", "facilities", Colour.Yellow, "路灯坏了");
        using var leader = await ConsoleSession.SignInAsync(_host, "leader");
        var response = await leader.PostAsJsonAsync($"/api/console/tickets/{ticket.Number}/close", new { note = "已更换灯泡" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await leader.GetFromJsonAsync<JsonElement>($"/api/console/tickets/{ticket.Number}");
        Assert.Equal("closed", detail.GetProperty("ticket").GetProperty("state").GetString());
        var last = detail.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("网格长leader", last.GetProperty("actor").GetString());
        Assert.Contains("已更换灯泡", last.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_WithoutNote_Returns400()
    {
        var ticket = await ConsoleSeed.FileAsync(_host, "幸福里小区", "facilities", Colour.Yellow, "井盖松动");
        using var boss = await ConsoleSession.SignInAsync(_host, "boss");
        Assert.Equal(HttpStatusCode.BadRequest, (await boss.PostAsJsonAsync($"/api/console/tickets/{ticket.Number}/close", new { note = "" })).StatusCode);
    }

    [Fact]
    public async Task Reassign_ToRosterPerson_DispatchesToThem()
    {
        var ticket = await ConsoleSeed.FileAsync(_host, "幸福里小区", "noise", Colour.Yellow, "广场舞太吵");
        using var boss = await ConsoleSession.SignInAsync(_host, "boss");
        var people = await boss.GetFromJsonAsync<JsonElement>("/api/roster/people");
        var lisi = people.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "李四").GetProperty("id").GetInt64();
        var moved = await (await boss.PostAsJsonAsync($"/api/console/tickets/{ticket.Number}/reassign", new { personId = lisi, note = "请网格长处理" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("dispatched", moved.GetProperty("state").GetString());
        Assert.Equal(lisi, moved.GetProperty("assigneeId").GetInt64());
    }

    [Fact]
    public async Task Escalate_BuildingTicket_GoesUpOneLevel()
    {
        var ticket = await ConsoleSeed.FileAsync(_host, "幸福里小区", "safety", Colour.Orange, "消防通道堵了");
        using var clerk = await ConsoleSession.SignInAsync(_host, "clerk");
        var response = await clerk.PostAsJsonAsync($"/api/console/tickets/{ticket.Number}/escalate", new { note = "久拖未决" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await clerk.GetFromJsonAsync<JsonElement>($"/api/console/tickets/{ticket.Number}");
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("to").GetString() == "escalated");
    }

    [Fact]
    public async Task List_Filters_ByColourAndText()
    {
        var red = await ConsoleSeed.FileAsync(_host, "和平苑小区", "safety", Colour.Red, "燃气味很重筛选用");
        using var clerk = await ConsoleSession.SignInAsync(_host, "clerk");
        Assert.Equal([red.Number], await NumbersAsync(clerk, "&colour=red&q=" + Uri.EscapeDataString("筛选用")));
        Assert.Empty(await NumbersAsync(clerk, "&colour=green&q=" + Uri.EscapeDataString("筛选用")));
    }

    [Fact]
    public async Task Dashboard_SeededTickets_CountsByCategoryForScope()
    {
        await ConsoleSeed.FileAsync(_host, "幸福里小区", "street_vending", Colour.Green, "门口占道摆摊");
        using var boss = await ConsoleSession.SignInAsync(_host, "boss");
        var all = await boss.GetFromJsonAsync<JsonElement>("/api/console/dashboard?period=month");
        Assert.Contains(all.GetProperty("byCategory").EnumerateArray(), c => c.GetProperty("key").GetString() == "street_vending");
        Assert.Equal(8, all.GetProperty("weeks").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await boss.GetAsync("/api/console/dashboard?period=decade")).StatusCode);
    }

    [Fact]
    public async Task Export_Quarter_IsCsvWithBom()
    {
        using var boss = await ConsoleSession.SignInAsync(_host, "boss");
        var now = _host.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var response = await boss.GetAsync($"/api/console/tickets/export?quarter={now.Year}Q{((now.Month - 1) / 3) + 1}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(HttpStatusCode.BadRequest, (await boss.GetAsync("/api/console/tickets/export?quarter=2026Q5")).StatusCode);
    }
}
