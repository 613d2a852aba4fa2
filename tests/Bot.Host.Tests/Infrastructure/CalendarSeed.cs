using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Bot.Host.Tests.Infrastructure;

/// <summary>A mediator, the tea room, a booking tomorrow (China time) and a night market on tomorrow's weekday, through the admin API.</summary>
internal static class CalendarSeed
{
    public const string Mediator = "周律师";
    public const string Venue = "睦邻茶室";

    private const string Roster = "姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长\r\n周律师,调解员,zhoulawyer,13800001111,每天 08:00-21:00,,,邻里;法律\r\n";

    public static DateOnly Tomorrow(BotHostFactory factory) =>
        DateOnly.FromDateTime(factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(1);

    /// <summary>Books tomorrow at <paramref name="hour"/>:00 for <paramref name="user"/>; returns the booking number.</summary>
    public static async Task<string> BookAsync(BotHostFactory factory, int hour, string user, string topic)
    {
        using var admin = factory.CreateAdminClient();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Roster));
        content.Headers.ContentType = new("text/csv");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/roster/import", content)).StatusCode);
        var venues = await admin.GetFromJsonAsync<JsonElement>("/api/venues");
        var venueId = venues.EnumerateArray().Where(v => v.GetProperty("name").GetString() == Venue).Select(v => v.GetProperty("id").GetInt64()).FirstOrDefault();
        if (venueId == 0)
        {
            var venue = await (await admin.PostAsJsonAsync("/api/venues", new
            {
                name = Venue, address = "党群服务中心一楼", openingHours = "每天 08:00-21:00", capacity = 8, slotMinutes = 60, bufferMinutes = 0, kinds = new[] { "mediation" },
            })).Content.ReadFromJsonAsync<JsonElement>();
            venueId = venue.GetProperty("id").GetInt64();
        }

        var mediators = await admin.GetFromJsonAsync<JsonElement>("/api/mediators");
        var mediatorId = mediators.EnumerateArray().First(m => m.GetProperty("name").GetString() == Mediator).GetProperty("personId").GetInt64();
        var start = new DateTimeOffset(Tomorrow(factory).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));
        var response = await admin.PostAsJsonAsync("/api/bookings", new { user, topic, start, venueId, mediatorId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
    }

    /// <summary>A weekly night market on tomorrow's weekday, 19:00–21:00.</summary>
    public static async Task NightMarketAsync(BotHostFactory factory, string title)
    {
        using var admin = factory.CreateAdminClient();
        var weekday = ((int)Tomorrow(factory).DayOfWeek + 6) % 7 + 1;
        var response = await admin.PostAsJsonAsync("/api/events/schedules", new
        {
            kind = "night_market", title, place = "幸福里广场", weekday, startTime = "19:00", endTime = "21:00", robotKeys = new[] { "robot-key-1234567890" },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>One simulator turn for <paramref name="user"/>.</summary>
    public static async Task SayAsync(BotHostFactory factory, string user, string text)
    {
        using var admin = factory.CreateAdminClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/simulator/messages", new { user, text })).StatusCode);
    }
}
