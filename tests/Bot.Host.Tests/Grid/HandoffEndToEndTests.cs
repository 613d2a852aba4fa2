using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Bot.Host.Tests.Infrastructure;
using Bot.TestSupport.WeCom;

namespace Bot.Host.Tests.Grid;

/// <summary>转人工 end to end: residents in the simulator, workers in WeCom (the fake API), the clock advanced by hand.</summary>
public sealed class HandoffEndToEndTests : IAsyncLifetime
{
    private const string Roster = "姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长\r\n"
        + "赵六,楼栋网格员,zhaoliu,13811112222,全天,幸福里小区,3栋,\r\n"
        + "钱七,楼栋网格员,qianqi,13855556666,全天,幸福里小区,3栋,\r\n"
        + "李四,小区网格长,lisi,13900000000,全天,幸福里小区,,\r\n";

    private const string NoSession = "当前没有进行中的居民对话。";

    private FakeWeComApi _wecom = null!;
    private long _msgId = 1000;

    public async Task InitializeAsync() => _wecom = await FakeWeComApi.StartAsync();

    public async Task DisposeAsync() => await _wecom.DisposeAsync();

    [Fact]
    public async Task TwoResidentsAtOnce_GoToTwoWorkersOfTheBuilding()
    {
        using var host = Host();
        var admin = await AdminWithRosterAsync(host);
        await SayAsync(admin, "sim-a", "我住在幸福里小区3栋");
        await SayAsync(admin, "sim-b", "我住在幸福里3号楼");

        var replies = await Task.WhenAll(SayAsync(admin, "sim-a", "转人工"), SayAsync(admin, "sim-b", "人工客服"));

        Assert.All(replies, r => Assert.StartsWith("已为您转接网格员", Text(r, 0)));
        await _wecom.WaitForSendsAsync(FakeWeComApi.AppSendPath, 2, TimeSpan.FromSeconds(20));
        Assert.Equal(["qianqi", "zhaoliu"], _wecom.AppSends.Select(s => s["touser"]!.GetValue<string>()).Order());
        Assert.All(_wecom.AppSends, s => Assert.Contains("楼栋：幸福里小区3栋", Content(s)));
    }

    [Fact]
    public async Task Session_RelaysBothWays_WorkerEndsIt_BotAnswersAgain()
    {
        using var host = Host();
        var admin = await AdminWithRosterAsync(host);
        await SayAsync(admin, "sim-r", "转人工");
        var connected = await SayAsync(admin, "sim-r", "幸福里小区3栋");
        Assert.StartsWith("已为您转接网格员赵六", Text(connected, 0));
        await _wecom.WaitForSendsAsync(FakeWeComApi.AppSendPath, 1, TimeSpan.FromSeconds(20));

        var quiet = await SayAsync(admin, "sim-r", "卫生间天花板漏水了，我电话13812345678");

        Assert.Equal(0, quiet.GetProperty("replies").GetArrayLength());
        Assert.Equal("handoff", quiet.GetProperty("intent").GetString());
        await _wecom.WaitForSendsAsync(FakeWeComApi.AppSendPath, 2, TimeSpan.FromSeconds(20));
        var relayed = _wecom.AppSends[1];
        Assert.Equal("zhaoliu", relayed["touser"]!.GetValue<string>());
        Assert.Contains("卫生间天花板漏水了，我电话138****5678", Content(relayed));

        var requests = new WeComRequests(host.Clock.GetUtcNow());
        Assert.Equal("已转告居民。", await WorkerSaysAsync(host, requests, "zhaoliu", "我马上过来看看"));
        Assert.Contains("网格员赵六：我马上过来看看", await WaitForResidentMessageAsync(admin, "sim-r", "我马上过来看看"));

        Assert.StartsWith("已结束与居民", await WorkerSaysAsync(host, requests, "zhaoliu", "结束"));
        await WaitForResidentMessageAsync(admin, "sim-r", "本次人工服务已结束");
        var again = await SayAsync(admin, "sim-r", "你好");
        Assert.Equal("greeting", again.GetProperty("intent").GetString());
        Assert.Equal(NoSession, await WorkerSaysAsync(host, requests, "zhaoliu", "结束"));
    }

    [Fact]
    public async Task Session_IdleFor31Minutes_TimesOut_BotAnswersTheNextMessage()
    {
        using var host = Host();
        var admin = await AdminWithRosterAsync(host);
        await SayAsync(admin, "sim-t", "我住在幸福里小区3栋");
        await SayAsync(admin, "sim-t", "联系网格员");
        await _wecom.WaitForSendsAsync(FakeWeComApi.AppSendPath, 1, TimeSpan.FromSeconds(20));

        host.Clock.Advance(TimeSpan.FromMinutes(31));

        await WaitForResidentMessageAsync(admin, "sim-t", "长时间没有新消息已结束");
        await _wecom.WaitForSendsAsync(FakeWeComApi.AppSendPath, 2, TimeSpan.FromSeconds(20));
        Assert.Contains("【人工服务结束】", Content(_wecom.AppSends[1]));
        var answered = await SayAsync(admin, "sim-t", "你好");
        Assert.Equal("greeting", answered.GetProperty("intent").GetString());
        Assert.NotEqual(0, answered.GetProperty("replies").GetArrayLength());
    }

    [Fact]
    public async Task DuringSession_UnknownUserAndMalformedCommands_AnsweredAndNotRelayed()
    {
        using var host = Host();
        var admin = await AdminWithRosterAsync(host);
        await SayAsync(admin, "sim-d", "我住在幸福里小区3栋");
        await SayAsync(admin, "sim-d", "转人工");
        var requests = new WeComRequests(host.Clock.GetUtcNow());

        Assert.Equal("您不在本社区网格名册中，无法操作工单。", await WorkerSaysAsync(host, requests, "stranger", "我来回复"));
        Assert.Equal("您不在本社区网格名册中，无法操作工单。", await WorkerSaysAsync(host, requests, "stranger", "结束"));
        Assert.Contains("后面要跟工单号", await WorkerSaysAsync(host, requests, "zhaoliu", "接单"));
        Assert.Contains("请写上回复内容", await WorkerSaysAsync(host, requests, "zhaoliu", "回复 12"));
        Assert.Equal("没有找到工单 2026-999999，请核对工单号。", await WorkerSaysAsync(host, requests, "zhaoliu", "接单 2026-999999"));

        var photo = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><FromUserName><![CDATA[zhaoliu]]></FromUserName>"
            + "<CreateTime>1409659813</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://x/y.jpg]]></PicUrl>"
            + "<MediaId><![CDATA[m1]]></MediaId><MsgId>77</MsgId><AgentID>218</AgentID></xml>";
        var response = await host.CreateClient().SendAsync(requests.Xml(photo));
        Assert.Equal("目前只能把文字转给居民，请用文字回复。",
            XElement.Parse(WeComRequests.OpenXmlReply(await response.Content.ReadAsStringAsync())).Element("Content")!.Value);

        Assert.Equal("已转告居民。", await WorkerSaysAsync(host, requests, "zhaoliu", "请问具体哪里有问题？"));
        await WaitForResidentMessageAsync(admin, "sim-d", "请问具体哪里有问题？");
        Assert.Single(await ResidentMessagesAsync(admin, "sim-d"), m => m.StartsWith("网格员", StringComparison.Ordinal));
    }

    private BotHostFactory Host() => WeComRequests.Configure(new BotHostFactory(), replayWindowSeconds: 300)
        .With("WeCom:ApiBaseUrl", _wecom.BaseUrl)
        .With("WeCom:Secret", "wecom-secret");

    private static async Task<HttpClient> AdminWithRosterAsync(BotHostFactory host)
    {
        var admin = host.CreateAdminClient();
        var csv = new ByteArrayContent(Encoding.UTF8.GetBytes(Roster));
        csv.Headers.ContentType = new("text/csv");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/roster/import", csv)).StatusCode);
        return admin;
    }

    private static async Task<JsonElement> SayAsync(HttpClient admin, string user, string text)
    {
        var response = await admin.PostAsJsonAsync("/api/simulator/messages", new { user, text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> WorkerSaysAsync(BotHostFactory host, WeComRequests requests, string userId, string text)
    {
        var response = await host.CreateClient().SendAsync(requests.Xml(WeComRequests.TextXml(userId, text, Interlocked.Increment(ref _msgId))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XElement.Parse(WeComRequests.OpenXmlReply(await response.Content.ReadAsStringAsync())).Element("Content")!.Value;
    }

    private static string Text(JsonElement turn, int index) => turn.GetProperty("replies")[index].GetProperty("text").GetString()!;

    private static string Content(System.Text.Json.Nodes.JsonObject send) => send["text"]!["content"]!.GetValue<string>();

    private static async Task<IReadOnlyList<string>> ResidentMessagesAsync(HttpClient admin, string user)
    {
        var poll = await admin.GetFromJsonAsync<JsonElement>($"/api/simulator/messages?user={user}&after=0");
        return poll.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).ToList();
    }

    /// <summary>Messages outside a turn go through the outbox; the simulator lists them once delivered.</summary>
    private static async Task<string> WaitForResidentMessageAsync(HttpClient admin, string user, string containing)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if ((await ResidentMessagesAsync(admin, user)).FirstOrDefault(t => t.Contains(containing, StringComparison.Ordinal)) is { } match)
            {
                return match;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No simulator message containing “{containing}” for {user}.");
            await Task.Delay(100);
        }
    }
}
