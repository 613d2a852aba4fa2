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
internal sealed class BookingHost : ScenarioHost
{
    public static readonly DateTimeOffset Monday9 = new(2030, 1, 7, 9, 0, 0, TimeSpan.FromHours(8));

    private const string Roster = "姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长\r\n"
        + "周律师,调解员,zhoulawyer,13800001111,每天 08:00-21:00,,,邻里;法律\r\n"
        + "吴阿姨,调解员,wuayi,13800002222,每天 08:00-21:00,,,物业\r\n";

    private BookingHost(BotHostFactory factory, FakeWeComApi wecom)
        : base(factory, wecom)
    {
    }

    public long VenueId { get; private set; }

    public static async Task<BookingHost> StartAsync(Func<BotHostFactory, BotHostFactory>? configure = null, string? dataDirectory = null, bool seed = true)
    {
        var (factory, wecom) = await CreateAsync(Monday9, configure, dataDirectory);
        var host = new BookingHost(factory, wecom);
        if (seed)
        {
            await host.ImportRosterAsync(Roster);
            var venue = await (await host.Admin.PostAsJsonAsync("/api/venues", new
            {
                name = "睦邻茶室", address = "党群服务中心一楼", openingHours = "每天 09:00-12:00；每天 14:00-20:00",
                capacity = 8, slotMinutes = 60, bufferMinutes = 15, kinds = new[] { "mediation" },
            })).Content.ReadFromJsonAsync<JsonElement>();
            host.VenueId = venue.GetProperty("id").GetInt64();
        }

        return host;
    }

    public async Task<long> MediatorIdAsync(string name) =>
        (await Admin.GetFromJsonAsync<JsonElement>("/api/mediators")).EnumerateArray().First(m => m.GetProperty("name").GetString() == name).GetProperty("personId").GetInt64();

    public async Task<JsonElement> CalendarAsync() => await Admin.GetFromJsonAsync<JsonElement>("/api/bookings/calendar?from=2030-01-07&to=2030-01-21");
}
