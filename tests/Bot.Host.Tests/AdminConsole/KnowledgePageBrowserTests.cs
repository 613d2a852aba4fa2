using System.Net.Http.Json;
using Bot.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bot.Host.Tests.AdminConsole;

/// <summary>The knowledge page in headless Chromium: create an entry, ask for it in 试一试, expired entries marked, delete.</summary>
[Collection(nameof(ConsoleBrowserTests))]
public sealed class KnowledgePageBrowserTests(ConsoleBrowserHost fixture) : IClassFixture<ConsoleBrowserHost>
{
    private async Task<IPage> OpenAsync()
    {
        if (!await fixture.Host.QueryAsync(db => Task.FromResult(db.ConsoleAccounts.Any())))
        {
            await ConsoleSession.CreateAccountAsync(fixture.Host, "boss", "admin");
        }

        var page = await fixture.SignInAsync("boss");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/admin/knowledge");
        await Assertions.Expect(page.Locator("#entries tbody tr").First).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task KnowledgePage_CreateEntry_TryItAnswersWithIt()
    {
        var page = await OpenAsync();
        await page.ClickAsync("#new");
        await page.FillAsync("#k-id", "charging-bank");
        await page.FillAsync("#k-question", "社区的共享充电宝在哪里借？");
        await page.FillAsync("#k-source", "社区服务中心公告");
        await page.FillAsync("#k-valid", "2099-12-31");
        await page.FillAsync("#k-answer", "共享充电宝在**社区服务中心一楼前台**借用，免押金，当天归还。");
        await page.FillAsync("#k-tags", "充电宝，便民服务");
        await page.ClickAsync("#k-save");
        await Assertions.Expect(page.Locator("#msg")).ToContainTextAsync("已保存条目 charging-bank");
        await Assertions.Expect(page.Locator("tr[data-id='charging-bank']")).ToContainTextAsync("2099-12-31");
        await Assertions.Expect(page.Locator("tr[data-id='charging-bank']")).ToContainTextAsync("boss");

        await page.FillAsync("#try-question", "共享充电宝在哪里借");
        await page.ClickAsync("#try button[type=submit]");
        await Assertions.Expect(page.Locator("#try-matches tr[data-id='charging-bank']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#try-answer")).ToContainTextAsync("社区服务中心一楼前台");
        await Assertions.Expect(page.Locator("#try-answer")).ToContainTextAsync("社区服务中心公告");
        await ConsoleBrowserHost.ScreenshotAsync(page, "knowledge");
    }

    [Fact]
    public async Task KnowledgePage_ExpiredEntry_MarkedAndDeletable()
    {
        using (var admin = fixture.Host.CreateAdminClient())
        {
            var put = await admin.PutAsJsonAsync("/api/knowledge/old-notice", new { question = "去年的疫苗接种安排？", answer = "已结束。", source = "旧通知", validUntil = "2020-01-01" });
            put.EnsureSuccessStatusCode();
        }

        var page = await OpenAsync();
        var row = page.Locator("tr[data-id='old-notice']");
        await Assertions.Expect(row.Locator("td.valid")).ToContainTextAsync("已过期");
        await row.Locator("button.delete").ClickAsync();
        await Assertions.Expect(page.Locator("#msg")).ToContainTextAsync("已删除条目 old-notice");
        await Assertions.Expect(row).ToHaveCountAsync(0);
    }
}
