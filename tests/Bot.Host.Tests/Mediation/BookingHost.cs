using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;
using Bot.TestSupport.WeCom;

namespace Bot.Host.Tests.Mediation;

/// <summary>
/// A host with a mediator on the roster, the tea room open 09:00-12:00 and 14:00-20:00 every day, the WeCom API
/// faked, and the clock at Monday 7 January 2030, 09:00 China time (so the offered slots are known).
/// </summary>
internal sealed class BookingHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Monday9 = new(2030, 1, 7, 9, 0, 0, TimeSpan.FromHours(8));

    private const string Roster = "姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长\r\n"
        + "周律师,调解员,zhoulawyer,13800001111,每天 08:00-21:00,,,邻里;法律\r\n"
        + "吴阿姨,调解员,wuayi,13800002222,每天 08:00-21:00,,,物业\r\n";

    private BookingHost(BotHostFactory factory, FakeWeComApi wecom, HttpClient admin) => (Factory, WeCom, Admin) = (factory, wecom, admin);

    public BotHostFactory Factory { get; }

    public FakeWeComApi WeCom { get; }

    public HttpClient Admin { get; }

    public long VenueId { get; private set; }

    public static async Task<BookingHost> StartAsync(Func<BotHostFactory, BotHostFactory>? configure = null, string? dataDirectory = null, bool seed = true)
    {
        var wecom = await FakeWeComApi.StartAsync();
        var factory = WeComRequests.Configure(new BotHostFactory(dataDirectory: dataDirectory), replayWindowSeconds: 0)
            .With("WeCom:ApiBaseUrl", wecom.BaseUrl)
            .With("WeCom:Secret", "wecom-secret");
        factory = configure?.Invoke(factory) ?? factory;
        factory.Clock.SetUtcNow(Monday9);
        var host = new BookingHost(factory, wecom, factory.CreateAdminClient());
        if (seed)
        {
            var csv = new ByteArrayContent(Encoding.UTF8.GetBytes(Roster));
            csv.Headers.ContentType = new("text/csv");
            Assert.Equal(HttpStatusCode.OK, (await host.Admin.PostAsync("/api/roster/import", csv)).StatusCode);
            var venue = await (await host.Admin.PostAsJsonAsync("/api/venues", new
            {
                name = "睦邻茶室", address = "党群服务中心一楼", openingHours = "每天 09:00-12:00；每天 14:00-20:00",
                capacity = 8, slotMinutes = 60, bufferMinutes = 15, kinds = new[] { "mediation" },
            })).Content.ReadFromJsonAsync<JsonElement>();
            host.VenueId = venue.GetProperty("id").GetInt64();
        }

        return host;
    }

    /// <summary>One simulator turn; the replies' texts joined.</summary>
    public async Task<string> SayAsync(string user, string text)
    {
        var response = await Admin.PostAsJsonAsync("/api/simulator/messages", new { user, text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return string.Join("\n", body.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
    }

    public async Task<long> MediatorIdAsync(string name) =>
        (await Admin.GetFromJsonAsync<JsonElement>("/api/mediators")).EnumerateArray().First(m => m.GetProperty("name").GetString() == name).GetProperty("personId").GetInt64();

    public async Task<JsonElement> CalendarAsync() => await Admin.GetFromJsonAsync<JsonElement>("/api/bookings/calendar?from=2030-01-07&to=2030-01-21");

    /// <summary>Waits for a message the outbox delivers to the simulator resident.</summary>
    public async Task<string> WaitForResidentAsync(string user, string containing, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var poll = await Admin.GetFromJsonAsync<JsonElement>($"/api/simulator/messages?user={user}&after=0");
            var matches = poll.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).Where(t => t.Contains(containing, StringComparison.Ordinal)).ToList();
            if (matches.Count >= count)
            {
                return matches[^1];
            }

            Assert.True(DateTime.UtcNow < deadline, $"No simulator message containing “{containing}” for {user}.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
        await WeCom.DisposeAsync();
    }
}
