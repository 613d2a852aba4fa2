using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;

namespace Bot.Host.Tests.AdminConsole;

/// <summary><c>GET /api/console/calendar</c>: the range rule, bookings and event sessions together, residents masked.</summary>
public sealed class ConsoleCalendarEndpointsTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private readonly BotHostFactory _host = fixture.Host;

    [Theory]
    [InlineData("from=2026-01-01&to=2026-03-15")]
    [InlineData("from=2026-03-02&to=2026-03-01")]
    [InlineData("from=2026/03/01&to=2026-03-02")]
    public async Task Calendar_BadRange_Returns400(string query)
    {
        using var clerk = await ConsoleSession.SignInAsync(_host, "clerk");
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.GetAsync("/api/console/calendar?" + query)).StatusCode);
    }

    [Fact]
    public async Task Calendar_SixtyTwoDays_Returns200()
    {
        using var clerk = await ConsoleSession.SignInAsync(_host, "clerk");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/console/calendar?from=2026-01-01&to=2026-03-03")).StatusCode);
    }

    [Fact]
    public async Task Calendar_SeededBookingAndNightMarket_BothAppearMasked()
    {
        var number = await CalendarSeed.BookAsync(_host, 10, "o6_calendarOpenId42Xk", "邻里纠纷 对方电话13812345678");
        await CalendarSeed.NightMarketAsync(_host, "幸福里民情夜市");
        var day = CalendarSeed.Tomorrow(_host).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var clerk = await ConsoleSession.SignInAsync(_host, "clerk");
        var response = await clerk.GetAsync($"/api/console/calendar?from={day}&to={day}");
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        var booking = items.Single(i => i.GetProperty("id").GetString() == number);
        Assert.Equal("mediation", booking.GetProperty("kind").GetString());
        Assert.Equal(CalendarSeed.Mediator, booking.GetProperty("mediator").GetString());
        Assert.Equal(CalendarSeed.Venue, booking.GetProperty("place").GetString());
        Assert.Contains("138****5678", booking.GetProperty("topic").GetString(), StringComparison.Ordinal);
        var market = items.Single(i => i.GetProperty("kind").GetString() == "night_market");
        Assert.Equal("幸福里民情夜市", market.GetProperty("title").GetString());
        Assert.DoesNotContain("o6_calendarOpenId42Xk", json, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveSchedule_EditWithoutRobotKeys_KeepsTheRobots()
    {
        await CalendarSeed.NightMarketAsync(_host, "和平苑民情夜市");
        using var admin = _host.CreateAdminClient();
        var schedule = (await admin.GetFromJsonAsync<JsonElement>("/api/events/schedules")).EnumerateArray().First(s => s.GetProperty("title").GetString() == "和平苑民情夜市");
        var response = await admin.PostAsJsonAsync("/api/events/schedules", new
        {
            id = schedule.GetProperty("id").GetInt64(), kind = "night_market", title = "和平苑民情夜市", place = "和平苑东门", weekday = 3, startTime = "18:30", endTime = "20:30",
        });
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("和平苑东门", saved.GetProperty("place").GetString());
        Assert.Equal(1, saved.GetProperty("robotCount").GetInt32());
    }
}
