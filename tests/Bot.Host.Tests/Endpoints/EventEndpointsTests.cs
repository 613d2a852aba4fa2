using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Tests.Events;

namespace Bot.Host.Tests.Endpoints;

public sealed class EventEndpointsTests : IAsyncLifetime
{
    private EventHost _host = null!;

    public async Task InitializeAsync() => _host = await EventHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("""{"kind":"visit_day","title":"走访","place":"各小区","cron":"0 0 9 5,15,25 *"}""", "六段")]
    [InlineData("""{"kind":"night_market","title":"夜市","place":"广场","weekday":8,"startTime":"19:00","endTime":"21:00"}""", "weekday")]
    [InlineData("""{"kind":"party","title":"x","place":"y"}""", "kind")]
    [InlineData("""{"kind":"night_market","title":"夜市","place":"广场","cron":"0 0 19 ? * WED","hostIds":[999]}""", "999")]
    public async Task SaveSchedule_Invalid_400WithChineseReason(string json, string mentions)
    {
        var response = await _host.Admin.PostAsync("/api/events/schedules", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentions, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SaveSchedule_VisitDayDefaults_NextThreeAreThe5th15th25th()
    {
        var saved = await _host.SaveScheduleAsync(new { kind = "visit_day", title = "民意5来听", place = "各小区" });

        Assert.Equal("0 0 9 5,15,25 * ?", saved.GetProperty("cron").GetString());
        var starts = saved.GetProperty("next").EnumerateArray().Select(o => o.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.Equal([new(2026, 12, 5, 1, 0, 0, TimeSpan.Zero), new(2026, 12, 15, 1, 0, 0, TimeSpan.Zero), new(2026, 12, 25, 1, 0, 0, TimeSpan.Zero)], starts);
        Assert.Equal(0, saved.GetProperty("robotCount").GetInt32());
    }

    [Fact]
    public async Task Occurrences_AndRegistrations_ResidentMasked()
    {
        await _host.SayAsync("o-resident-12345", "我想在夜市反映建议广场加装路灯，电话13812345678");

        var occurrences = await _host.Admin.GetFromJsonAsync<JsonElement>("/api/events/occurrences?from=2026-12-01&to=2026-12-15");
        var first = occurrences.EnumerateArray().First();
        Assert.Equal(2, occurrences.GetArrayLength());
        Assert.Equal(1, first.GetProperty("registrations").GetInt32());
        var registration = (await _host.Admin.GetFromJsonAsync<JsonElement>($"/api/events/occurrences/{first.GetProperty("id").GetString()}/registrations"))[0];
        Assert.DoesNotContain("o-resident-12345", registration.GetProperty("resident").GetString());
        Assert.Contains("138****5678", registration.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Cancel_UnknownOccurrenceOrNoReason_404And400()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Admin.PostAsJsonAsync("/api/events/occurrences/1-202612031900/cancel", new { reason = "雨" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _host.Admin.PostAsJsonAsync("/api/events/occurrences/1-202612021900/cancel", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Factory.CreateClient().GetAsync("/api/events/schedules")).StatusCode);
    }
}
