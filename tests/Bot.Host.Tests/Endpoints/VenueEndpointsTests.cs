using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;

namespace Bot.Host.Tests.Endpoints;

public sealed class VenueEndpointsTests : IDisposable
{
    private readonly BotHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task PostVenue_Valid_SavedAndListed()
    {
        var admin = _host.CreateAdminClient();

        var response = await admin.PostAsJsonAsync("/api/venues", TeaRoom());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/venues");
        var venue = Assert.Single(listed.EnumerateArray());
        Assert.Equal("睦邻茶室", venue.GetProperty("name").GetString());
        Assert.Equal("2026-12-25", venue.GetProperty("closedDates")[0].GetString());
        Assert.Equal("mediation", venue.GetProperty("kinds")[0].GetString());
    }

    [Theory]
    [InlineData("""{"name":"","openingHours":"每天 09:00-17:00"}""", "name")]
    [InlineData("""{"name":"茶室","openingHours":"每天 25:00-17:00"}""", "有效时刻")]
    [InlineData("""{"name":"茶室","slotMinutes":7}""", "slotMinutes")]
    [InlineData("""{"name":"茶室","closedDates":["2026-02-30"]}""", "yyyy-MM-dd")]
    [InlineData("""{"name":"茶室","kinds":["party"]}""", "mediation")]
    public async Task PostVenue_Invalid_Returns400WithReason(string body, string reason)
    {
        var response = await _host.CreateAdminClient().PostAsync("/api/venues", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task VenueEndpoints_WithoutAdminKey_Return401()
    {
        var client = _host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/venues")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/bookings/calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/venues", TeaRoom())).StatusCode);
    }

    [Fact]
    public async Task PutMediator_CapForRosterMediator_ListedWithCap()
    {
        var admin = _host.CreateAdminClient();
        var csv = new ByteArrayContent(Encoding.UTF8.GetBytes("姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长\r\n周律师,调解员,zhoulawyer,13800001111,周一至周五 09:00-17:00,,,法律;邻里\r\n"));
        csv.Headers.ContentType = new("text/csv");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/roster/import", csv)).StatusCode);
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/mediators"))[0].GetProperty("personId").GetInt64();

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/mediators/{id}", new { dailyCap = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/mediators/{id}", new { dailyCap = 99 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/mediators/9999", new { dailyCap = 2 })).StatusCode);

        var mediator = (await admin.GetFromJsonAsync<JsonElement>("/api/mediators"))[0];
        Assert.Equal(2, mediator.GetProperty("dailyCap").GetInt32());
        Assert.Equal("周一至周五 09:00-17:00", mediator.GetProperty("availableHours").GetString());
    }

    [Fact]
    public async Task PostCouncilSession_OverlappingSameHall_Returns409AndCalendarShowsTheFirst()
    {
        var admin = _host.CreateAdminClient();
        var hall = await (await admin.PostAsJsonAsync("/api/venues", new
        {
            name = "居民议事厅", address = "党群服务中心二楼", openingHours = "每天 08:00-21:30", capacity = 40, kinds = new[] { "议事" },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var venueId = hall.GetProperty("id").GetInt64();
        var start = _host.Clock.GetUtcNow().AddDays(2);

        var first = await admin.PostAsJsonAsync("/api/council-sessions", new { venueId, start, end = start.AddHours(2), topic = "加装电梯", seats = 60 });
        var second = await admin.PostAsJsonAsync("/api/council-sessions", new { venueId, start = start.AddHours(1), end = start.AddHours(3), topic = "停车", seats = 10 });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(40, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seats").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var calendar = await admin.GetFromJsonAsync<JsonElement>("/api/bookings/calendar");
        Assert.Equal("加装电梯", Assert.Single(calendar.GetProperty("councilSessions").EnumerateArray()).GetProperty("topic").GetString());
    }

    [Fact]
    public async Task GetCalendar_BadRange_Returns400()
    {
        var response = await _host.CreateAdminClient().GetAsync("/api/bookings/calendar?from=2026-13-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static object TeaRoom() => new
    {
        name = "睦邻茶室", address = "幸福社区党群服务中心一楼", openingHours = "周一至周六 09:00-12:00；周一至周六 14:00-20:00",
        capacity = 8, slotMinutes = 60, bufferMinutes = 15, closedDates = new[] { "2026-12-25" }, kinds = new[] { "mediation" },
    };
}
