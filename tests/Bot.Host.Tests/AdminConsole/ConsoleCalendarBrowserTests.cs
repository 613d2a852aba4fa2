using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Bot.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bot.Host.Tests.AdminConsole;

/// <summary>The calendar and the conversation review in headless Chromium (same collection as the other browser tests: never in parallel).</summary>
[Collection(nameof(ConsoleBrowserTests))]
public sealed class ConsoleCalendarBrowserTests(ConsoleBrowserHost fixture) : IClassFixture<ConsoleBrowserHost>
{
    private readonly BotHostFactory _host = fixture.Host;

    [Fact]
    public async Task CalendarPage_SeededBooking_ShownOnItsDayAndOpensDetails()
    {
        await fixture.EnsureRosterAndAdminAsync();
        var number = await CalendarSeed.BookAsync(_host, 15, "o6_browserCalendar77Xk", "邻里纠纷 漏水");
        await CalendarSeed.NightMarketAsync(_host, "幸福里民情夜市");
        var day = CalendarSeed.Tomorrow(_host).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = await fixture.SignInAsync("boss");
        await page.GotoAsync($"/admin/calendar?date={day}");
        var item = page.Locator($".day[data-date='{day}'] .item[data-id='{number}']");
        await Assertions.Expect(item).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($".day[data-date='{day}'] .item.night_market")).ToBeVisibleAsync();
        await ConsoleBrowserHost.ScreenshotAsync(page, "calendar-month");
        await item.ClickAsync();
        var details = page.Locator("#details");
        await Assertions.Expect(details).ToBeVisibleAsync();
        await Assertions.Expect(details).ToContainTextAsync(CalendarSeed.Mediator);
        await Assertions.Expect(details).ToContainTextAsync("o6_b***77Xk");
        await Assertions.Expect(details).ToContainTextAsync("邻里纠纷 漏水");
        await ConsoleBrowserHost.ScreenshotAsync(page, "calendar-details");

        await page.Locator("#details button").ClickAsync();
        await page.SelectOptionAsync("select[name=kind]", "night_market");
        await Assertions.Expect(item).ToHaveCountAsync(0);

        var phone = await fixture.SignInAsync("boss", width: 390, height: 844);
        await phone.GotoAsync($"/admin/calendar?date={day}&view=week");
        await Assertions.Expect(phone.Locator($".week-day[data-date='{day}'] .item[data-id='{number}']")).ToBeVisibleAsync();
        await ConsoleBrowserHost.ScreenshotAsync(phone, "calendar-week-phone");
    }

    [Fact]
    public async Task ConversationsPage_SeededMessage_ShowsMaskedText()
    {
        await fixture.EnsureRosterAndAdminAsync();
        await CalendarSeed.SayAsync(_host, "o6_browserConversation1Xk", "我家在幸福里3栋502，电话13812345678，楼道灯坏了");
        var page = await fixture.SignInAsync("boss");
        await page.GotoAsync("/admin/conversations");
        var list = page.Locator("#list");
        await Assertions.Expect(list).ToContainTextAsync("138****5678");
        await Assertions.Expect(list).ToContainTextAsync("楼道灯坏了");
        var text = await list.InnerTextAsync();
        Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("幸福里3栋502", text, StringComparison.Ordinal);
        Assert.DoesNotContain("o6_browserConversation1Xk", text, StringComparison.Ordinal);
        await ConsoleBrowserHost.ScreenshotAsync(page, "conversations");
    }

    [Fact]
    public async Task VenuesAndGroupsPages_Seeded_ShowVenueMediatorAndMaskedRobotKey()
    {
        await fixture.EnsureRosterAndAdminAsync();
        await CalendarSeed.BookAsync(_host, 11, "o6_browserVenues0001Xk", "物业纠纷");
        using (var admin = _host.CreateAdminClient())
        {
            var group = await admin.PostAsJsonAsync("/api/groups", new { chatId = "wrGroupChat001", name = "幸福里业主群", scope = "community", webhookKey = "abcd-secret-robot-key" });
            Assert.Equal(HttpStatusCode.OK, group.StatusCode);
        }

        var page = await fixture.SignInAsync("boss");
        await page.GotoAsync("/admin/venues");
        await Assertions.Expect(page.Locator("#venues")).ToContainTextAsync(CalendarSeed.Venue);
        await Assertions.Expect(page.Locator("#mediators")).ToContainTextAsync(CalendarSeed.Mediator);
        await ConsoleBrowserHost.ScreenshotAsync(page, "venues");

        await page.GotoAsync("/admin/groups");
        await Assertions.Expect(page.Locator("#groups")).ToContainTextAsync("幸福里业主群");
        await Assertions.Expect(page.Locator("#groups")).ToContainTextAsync("abcd***");
        Assert.DoesNotContain("secret-robot-key", await page.ContentAsync(), StringComparison.Ordinal);
        await ConsoleBrowserHost.ScreenshotAsync(page, "groups");
    }
}
