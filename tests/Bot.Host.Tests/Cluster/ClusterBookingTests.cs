using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.TestSupport.Cluster;
using Bot.TestSupport.WeCom;

namespace Bot.Host.Tests.Cluster;

/// <summary>Bookable around the clock, no lead time: a session can start within the hour, so its reminder is due soon.</summary>
public sealed class BookingCluster : ClusterFixture
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
        [new("Bookings__LeadTimeMinutes", "0")];
}

/// <summary>Bookings and their reminders when two hosts share the database and the clustered scheduler.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterBookingTests(BookingCluster cluster) : IClassFixture<BookingCluster>, IAsyncLifetime
{
    private const string Roster = "姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长\r\n"
        + "周律师,调解员,zhoulawyer,13800001111,每天 全天,,,邻里;法律\r\n"
        + "吴阿姨,调解员,wuayi,13800002222,每天 全天,,,物业\r\n";

    private HttpClient _a = null!;
    private HttpClient _b = null!;
    private long _venue;

    public async Task InitializeAsync()
    {
        (_a, _b) = (cluster.Client(cluster.A, admin: true), cluster.Client(cluster.B, admin: true));
        if (await cluster.ScalarAsync("SELECT count(*) FROM venues") == 0)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Roster));
            content.Headers.ContentType = new("text/csv");
            Assert.Equal(HttpStatusCode.OK, (await _a.PostAsync("/api/roster/import", content)).StatusCode);
        }

        // A venue per test: the two tests' sessions must not clash with each other.
        var venue = await (await _a.PostAsJsonAsync("/api/venues", new
        {
            name = $"睦邻茶室{Guid.NewGuid():N}"[..12], address = "党群服务中心一楼", openingHours = "每天 全天",
            capacity = 8, slotMinutes = 15, bufferMinutes = 0, kinds = new[] { "mediation" },
        })).Content.ReadFromJsonAsync<JsonElement>();
        _venue = venue.GetProperty("id").GetInt64();
    }

    public Task DisposeAsync()
    {
        _a.Dispose();
        _b.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PostBookings_TwoHundredAttemptsOnOneSlotAcrossBothHosts_ExactlyOneCreated()
    {
        var mediator = await MediatorIdAsync("吴阿姨");
        var start = NextQuarterHour(DateTimeOffset.UtcNow.AddDays(2));

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => (i % 2 == 0 ? _a : _b).PostAsJsonAsync("/api/bookings", new
        {
            user = $"resident-{i}", topic = "物业费纠纷", start, venueId = _venue, mediatorId = mediator,
        })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await cluster.ScalarAsync("""SELECT count(*) FROM bookings WHERE "UserId" LIKE 'resident-%'"""));
    }

    [Fact]
    public async Task Reminder_DueWhileBothHostsRunTheScheduler_SentOnce()
    {
        var mediator = await MediatorIdAsync("周律师");
        var user = $"rem-{Guid.NewGuid():N}";

        // Its hour-before reminder falls due a few seconds from now; the day-before one is already past and dropped.
        var start = DateTimeOffset.UtcNow.AddHours(1).AddSeconds(20);
        var response = await _b.PostAsJsonAsync("/api/bookings", new { user, topic = "邻居漏水纠纷", start, venueId = _venue, mediatorId = mediator });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;

        await cluster.WeCom.WaitForSendsAsync(FakeWeComApi.AppSendPath, 1, TimeSpan.FromSeconds(60));
        await Poll.UntilAsync(async () => (await ResidentRemindersAsync(user, number)).Count > 0, TimeSpan.FromSeconds(20), () => $"no reminder to {user}");

        // Done for good once the one-off trigger left the shared store (fired and completed) and nothing is queued:
        // after that neither scheduler has anything left to fire twice.
        await Poll.UntilAsync(
            async () => await cluster.ScalarAsync("SELECT count(*) FROM qrtz_triggers WHERE trigger_name LIKE @n", ("n", number + ":%"))
                + await cluster.ScalarAsync("SELECT count(*) FROM qrtz_fired_triggers WHERE trigger_name LIKE @n", ("n", number + ":%"))
                + await cluster.ScalarAsync("""SELECT count(*) FROM outbox WHERE "Status" IN (0, 1)""") == 0,
            TimeSpan.FromSeconds(30), () => $"reminder trigger or its messages still pending{Environment.NewLine}{cluster.Output()}");
        Assert.Single(await ResidentRemindersAsync(user, number));
        // The mediator also got the booking notice; only the reminders count here.
        var toMediator = cluster.WeCom.AppSends.Select(s => s["text"]?["content"]?.GetValue<string>() ?? string.Empty)
            .Where(t => t.StartsWith("⏰ 调解提醒", StringComparison.Ordinal) && t.Contains(number, StringComparison.Ordinal)).ToList();
        Assert.True(toMediator.Count == 1, $"mediator reminders: {string.Join(" | ", toMediator)}");
    }

    private async Task<IReadOnlyList<string>> ResidentRemindersAsync(string user, string number) =>
        (await _a.GetFromJsonAsync<JsonElement>($"/api/simulator/messages?user={user}&after=0"))
            .GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()!)
            .Where(t => t.Contains("1小时后开始", StringComparison.Ordinal) && t.Contains(number, StringComparison.Ordinal)).ToList();

    private async Task<long> MediatorIdAsync(string name) =>
        (await _a.GetFromJsonAsync<JsonElement>("/api/mediators")).EnumerateArray()
            .First(m => m.GetProperty("name").GetString() == name).GetProperty("personId").GetInt64();

    private static DateTimeOffset NextQuarterHour(DateTimeOffset at) =>
        new(at.Ticks - (at.Ticks % TimeSpan.FromMinutes(15).Ticks) + TimeSpan.FromMinutes(15).Ticks, TimeSpan.Zero);
}
