using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bot.Host.Tests.AdminConsole;

/// <summary>The prompt pages in headless Chromium against the host with a (fake) language model.</summary>
[Collection(nameof(ConsoleBrowserTests))]
public sealed class PromptPagesBrowserTests(PromptBrowserHost fixture) : IClassFixture<PromptBrowserHost>
{
    private const string Marker = "（控制台修订）";

    private const string Visit = "我想找个晚上和社区干部当面唠唠我们这片的事";

    private async Task SeedAsync()
    {
        if (!await fixture.Host.QueryAsync(db => Task.FromResult(db.ConsoleAccounts.Any())))
        {
            await ConsoleSession.CreateAccountAsync(fixture.Host, "boss", "admin");
            await ConsoleSession.CreateAccountAsync(fixture.Host, "clerk", "staff");
        }
    }

    private async Task<IPage> OpenIntentPromptAsync(string username)
    {
        await SeedAsync();
        var page = await fixture.Browser.SignInAsync(username);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/admin/prompts/engine/intent");
        await Assertions.Expect(page.Locator("#loaded")).ToContainTextAsync("已载入");
        return page;
    }

    private async Task<JsonElement> SayAsync(string user)
    {
        using var admin = fixture.Host.CreateAdminClient();
        var response = await admin.PostAsJsonAsync("/api/simulator/messages", new { user, text = Visit });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task PromptPage_EditActivateAndRollBack_SimulatorUsesTheActiveVersion()
    {
        var page = await OpenIntentPromptAsync("boss");
        var original = await page.InputValueAsync("#editor");
        Assert.Contains("意图识别器。", original, StringComparison.Ordinal);
        await page.FillAsync("#editor", original.Replace("意图识别器。", "意图识别器" + Marker + "。", StringComparison.Ordinal));
        await page.FillAsync("#note", "加一句说明");
        await page.ClickAsync("#save-activate");
        await Assertions.Expect(page.Locator("#msg")).ToContainTextAsync("并已启用");
        var saved = page.Locator("#versions tr", new() { HasText = "加一句说明" });
        await Assertions.Expect(saved).ToContainTextAsync("启用中");
        await Assertions.Expect(saved).ToContainTextAsync("boss");

        var turn = await SayAsync("sim-console-1");
        Assert.Equal("night_market", turn.GetProperty("intent").GetString());
        Assert.Contains(Marker, fixture.LastIntentSystemMessage(), StringComparison.Ordinal);

        await page.ClickAsync("tr[data-version='0'] button.diff");
        await Assertions.Expect(page.Locator("#diff .del")).ToContainTextAsync(Marker);
        await Assertions.Expect(page.Locator("#diff .add")).ToContainTextAsync("意图识别器。");
        await ConsoleBrowserHost.ScreenshotAsync(page, "prompt-diff");

        await page.ClickAsync("button.activate[data-version='0']");
        await Assertions.Expect(page.Locator("#msg")).ToContainTextAsync("已启用默认文件");
        await Assertions.Expect(page.Locator("tr[data-version='0']")).ToContainTextAsync("启用中");
        await SayAsync("sim-console-2");
        Assert.DoesNotContain(Marker, fixture.LastIntentSystemMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromptPage_PreviewSamples_ShowsOfflineBesideModel()
    {
        var page = await OpenIntentPromptAsync("boss");
        await page.FillAsync("#samples", Visit + "\n楼下烧烤店油烟太大了");
        await page.ClickAsync("#preview");
        var results = page.Locator("#preview-results");
        await Assertions.Expect(results.Locator("thead")).ToContainTextAsync("离线结果");
        await Assertions.Expect(results.Locator("thead")).ToContainTextAsync("模型结果");
        await Assertions.Expect(results.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(results.Locator("tbody tr").First.Locator("td.model")).ToContainTextAsync("night_market");
        await Assertions.Expect(results.Locator("tbody tr").First).ToContainTextAsync("模型已回答");
        await ConsoleBrowserHost.ScreenshotAsync(page, "prompt-preview");
    }

    [Fact]
    public async Task PromptPage_Staff_MaySaveButSeesNoActivation()
    {
        var page = await OpenIntentPromptAsync("clerk");
        Assert.False(await page.IsVisibleAsync("#save-activate"));
        Assert.Equal(0, await page.Locator("button.activate").CountAsync());
        await page.FillAsync("#editor", (await page.InputValueAsync("#editor")) + "\n# 工作人员草稿\n");
        await page.ClickAsync("#save");
        await Assertions.Expect(page.Locator("#msg")).ToContainTextAsync("未启用");
        await ConsoleBrowserHost.ScreenshotAsync(page, "prompt-staff");
    }

    [Fact]
    public async Task PromptsPage_List_GroupsPromptsBySkill()
    {
        await SeedAsync();
        var page = await fixture.Browser.SignInAsync("boss");
        await page.GotoAsync("/admin/prompts");
        await Assertions.Expect(page.Locator("tr[data-id='engine/intent']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#skills")).ToContainTextAsync("诉求分类");
        await Assertions.Expect(page.Locator("#nav")).ToContainTextAsync("知识库");
        await ConsoleBrowserHost.ScreenshotAsync(page, "prompts");
    }
}
