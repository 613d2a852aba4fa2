using System.Text;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Complaints;
using Microsoft.Playwright;

namespace Bot.Host.Tests.AdminConsole;

/// <summary>The console in real headless Chromium against the host on Kestrel. Screenshots: bin/…/artifacts/console-screenshots.</summary>
[Collection(nameof(ConsoleBrowserTests))]
public sealed class ConsoleBrowserTests(ConsoleBrowserHost fixture) : IClassFixture<ConsoleBrowserHost>
{
    private readonly BotHostFactory _host = fixture.Host;

    [Fact]
    public async Task Dashboard_SeededTickets_ChartDrawsTheirCounts()
    {
        await fixture.EnsureRosterAndAdminAsync();
        await ConsoleSeed.FileAsync(_host, "幸福里小区", "noise", Colour.Yellow, "楼上装修太吵");
        await ConsoleSeed.FileAsync(_host, "幸福里小区", "noise", Colour.Yellow, "广场舞音响太大");
        await ConsoleSeed.FileAsync(_host, "和平苑小区", "noise", Colour.Orange, "半夜有人喧哗");
        await ConsoleSeed.FileAsync(_host, "和平苑小区", "illegal_construction", Colour.Green, "楼顶搭建阳光房");

        var page = await fixture.SignInAsync("boss");
        await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('chart-category'))");
        var json = await page.EvaluateAsync<string>(
            "() => { const d = Chart.getChart(document.getElementById('chart-category')).data; return JSON.stringify(Object.fromEntries(d.labels.map((l, i) => [l, d.datasets[0].data[i]]))); }");
        var counts = JsonSerializer.Deserialize<Dictionary<string, int>>(json)!;
        Assert.Equal(3, counts["噪声扰民"]);
        Assert.Equal(1, counts["违章搭建"]);
        Assert.NotNull(await page.QuerySelectorAsync("#chart-colour"));
        Assert.Equal("doughnut", await page.EvaluateAsync<string>("() => Chart.getChart(document.getElementById('chart-colour')).config.type"));
        await ConsoleBrowserHost.ScreenshotAsync(page, "dashboard");

        var phone = await fixture.SignInAsync("boss", width: 390, height: 844);
        await phone.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.getElementById('chart-category'))");
        Assert.False(await phone.IsVisibleAsync("#nav"));
        await phone.ClickAsync(".menu-toggle");
        Assert.True(await phone.IsVisibleAsync("#nav"));
        await ConsoleBrowserHost.ScreenshotAsync(phone, "dashboard-phone");
    }

    [Fact]
    public async Task TicketPage_CloseWithNote_LedgerShowsClosed()
    {
        await fixture.EnsureRosterAndAdminAsync();
        var ticket = await ConsoleSeed.FileAsync(_host, "幸福里小区", "facilities", Colour.Yellow, "3栋路灯不亮了");
        var page = await fixture.SignInAsync("boss");
        await page.GotoAsync($"/admin/tickets/{ticket.Number}");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("已受理");
        await page.FillAsync("#note", "已更换路灯灯泡，居民电话确认");
        await page.ClickAsync("#close");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("已办结");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("已更换路灯灯泡");
        await ConsoleBrowserHost.ScreenshotAsync(page, "ticket-closed");

        await page.GotoAsync("/admin/tickets");
        await page.FillAsync("input[name=q]", ticket.Number);
        await page.ClickAsync("#filters button[type=submit]");
        var row = page.Locator($"tr[data-number='{ticket.Number}']");
        await Assertions.Expect(row.Locator("td.state")).ToHaveTextAsync("已办结");
        await ConsoleBrowserHost.ScreenshotAsync(page, "ledger");
    }

    [Fact]
    public async Task RosterPage_ImportCsv_ShowsNewPeople()
    {
        await fixture.EnsureRosterAndAdminAsync();
        var page = await fixture.SignInAsync("boss");
        await page.GotoAsync("/admin/roster");
        var csv = "姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长\r\n钱七,楼栋网格员,qianqi,13877778888,全天,和平苑小区,1栋,\r\n";
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "名册.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#import button[type=submit]");
        await Assertions.Expect(page.Locator("#msg")).ToContainTextAsync("导入成功");
        await Assertions.Expect(page.Locator("#people")).ToContainTextAsync("钱七");
        await ConsoleBrowserHost.ScreenshotAsync(page, "roster");
    }
}
