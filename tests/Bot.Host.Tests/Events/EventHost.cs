using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;
using Bot.TestSupport.WeCom;

namespace Bot.Host.Tests.Events;

/// <summary>
/// A host with two compounds on the roster, a community grid host and a visiting cadre, the WeCom API faked and the
/// clock at Monday 30 November 2026, 09:00 China time. The night market is every Wednesday 19:00-21:00.
/// </summary>
internal sealed class EventHost : ScenarioHost
{
    public static readonly DateTimeOffset Monday9 = new(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The first night market after <see cref="Monday9"/>.</summary>
    public static readonly DateTimeOffset Wednesday19 = new(2026, 12, 2, 19, 0, 0, TimeSpan.FromHours(8));

    public const string Robot = "robot-happy-community";

    private const string Roster = "姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长\r\n"
        + "赵六,楼栋网格员,zhaoliu,13811112222,全天,幸福里小区,3栋,\r\n"
        + "钱七,楼栋网格员,qianqi,13811113333,全天,阳光苑,1栋,\r\n"
        + "王书记,社区总网格,wangshuji,13900001111,全天,,,\r\n";

    private EventHost(BotHostFactory factory, FakeWeComApi wecom)
        : base(factory, wecom)
    {
    }

    public long MarketId { get; private set; }

    public static async Task<EventHost> StartAsync(Func<BotHostFactory, BotHostFactory>? configure = null, string? dataDirectory = null, bool seed = true)
    {
        var (factory, wecom) = await CreateAsync(Monday9, configure, dataDirectory);
        var host = new EventHost(factory, wecom);
        if (seed)
        {
            await host.ImportRosterAsync(Roster);
            var market = await host.SaveScheduleAsync(new
            {
                kind = "night_market", title = "幸福社区民情夜市", weekday = 3, startTime = "19:00", endTime = "21:00", place = "党群服务中心广场",
                hostIds = new[] { await host.PersonIdAsync("王书记") }, robotKeys = new[] { Robot },
            });
            host.MarketId = market.GetProperty("id").GetInt64();
        }

        return host;
    }

    public async Task<JsonElement> SaveScheduleAsync(object schedule)
    {
        var response = await Admin.PostAsJsonAsync("/api/events/schedules", schedule);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<long> PersonIdAsync(string name) =>
        (await Admin.GetFromJsonAsync<JsonElement>("/api/roster/people")).EnumerateArray().First(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetInt64();

    public async Task<long> CompoundIdAsync(string name) =>
        (await Admin.GetFromJsonAsync<JsonElement>("/api/roster/compounds")).EnumerateArray().First(c => c.GetProperty("name").GetString() == name).GetProperty("id").GetInt64();

    public IReadOnlyList<string> RobotTexts() =>
        WeCom.RobotSends.Select(s => s["markdown"]!["content"]!.GetValue<string>()).ToList();

    public IReadOnlyList<string> AppTextsTo(string user) =>
        WeCom.AppSends.Where(s => s["touser"]!.GetValue<string>() == user).Select(s => s["text"]!["content"]!.GetValue<string>()).ToList();
}
