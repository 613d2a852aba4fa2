using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Connectors.WeCom.Api;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Grid;
using Bot.TestSupport.WeCom;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Groups;

/// <summary>Notices from the console reach the groups' robots through the outbox, paced, with a delivery log.</summary>
public sealed class GroupNoticeTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private FakeWeComApi _wecom = null!;
    private BotHostFactory _host = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _host = new BotHostFactory();
        _wecom = await FakeWeComApi.StartAsync(_host.Clock);
        _host.With("WeCom:ApiBaseUrl", _wecom.BaseUrl).With("Community:Phone", "0571-88886666");
        _admin = _host.CreateAdminClient();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _wecom.DisposeAsync();
    }

    [Fact]
    public async Task PostNotice_25ToOneRobot_PacedAt20PerMinuteAndAllDelivered()
    {
        var group = await RegisterAsync("wrkA", "幸福里业主群", "robot-a");

        for (var i = 1; i <= 25; i++)
        {
            var posted = await _admin.PostAsJsonAsync("/api/groups/notices", new { text = $"第{i}号通知：周六上午小区停水", groupIds = new[] { group } });
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        await _wecom.WaitForSendsAsync(FakeWeComApi.RobotSendPath, 20, Timeout);
        await _host.Services.GetRequiredService<WeComRateGates>().Robots.WhenWaitingAsync(1).WaitAsync(Timeout);
        Assert.Equal(20, _wecom.RobotSends.Count);

        _host.Clock.Advance(TimeSpan.FromSeconds(61));
        await _wecom.WaitForSendsAsync(FakeWeComApi.RobotSendPath, 25, Timeout);

        Assert.Equal(25, _wecom.CallsTo(FakeWeComApi.RobotSendPath).Count);
        Assert.All(_wecom.CallsTo(FakeWeComApi.RobotSendPath), call => Assert.Equal("robot-a", call.Query["key"]));
        var contents = _wecom.RobotSends.Select(s => s["markdown"]!["content"]!.GetValue<string>()).ToList();
        Assert.Contains("第1号通知", contents[0]);
        Assert.Contains("第25号通知", contents[24]);
        await WaitForStatusAsync("sent", 25);
    }

    [Fact]
    public async Task PostNotice_ToACompound_ReachesItsGroupsOnlyAndLogsEachDelivery()
    {
        var roster = _host.Services.GetRequiredService<IGridRoster>();
        var happy = await roster.UpsertCompoundAsync(new Compound(0, "幸福里小区", null), CancellationToken.None);
        var other = await roster.UpsertCompoundAsync(new Compound(0, "和平苑", null), CancellationToken.None);
        var building = await roster.UpsertBuildingAsync(new Building(0, happy.Id, "3栋"), CancellationToken.None);
        await RegisterAsync("wrkHappy", "幸福里业主群", "robot-happy", "compound", happy.Id);
        await RegisterAsync("wrkHappy3", "幸福里3栋群", null, "building", buildingId: building.Id);
        await RegisterAsync("wrkPeace", "和平苑群", "robot-peace", "compound", other.Id);

        var posted = await _admin.PostAsJsonAsync("/api/groups/notices", new { text = "本周六19:00夜市取消", compoundId = happy.Id });

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var notice = await posted.Content.ReadFromJsonAsync<JsonElement>();
        var deliveries = notice.GetProperty("deliveries").EnumerateArray().ToDictionary(d => d.GetProperty("groupName").GetString()!, d => d.GetProperty("status").GetString());
        Assert.Equal(2, deliveries.Count);
        // The dispatcher may already have claimed the row by the time the answer is written.
        Assert.Contains(deliveries["幸福里业主群"], new[] { "pending", "sending", "sent" });
        Assert.Equal("no_robot", deliveries["幸福里3栋群"]);
        await _wecom.WaitForSendsAsync(FakeWeComApi.RobotSendPath, 1, Timeout);
        Assert.Equal("robot-happy", Assert.Single(_wecom.CallsTo(FakeWeComApi.RobotSendPath)).Query["key"]);
        await WaitForStatusAsync("sent", 1);
    }

    [Fact]
    public async Task PostNotice_InvalidRobotKey_LoggedAsFailed()
    {
        var group = await RegisterAsync("wrkA", "幸福里业主群", "robot-gone");
        _wecom.FailNext(FakeWeComApi.RobotSendPath, 93000);

        await _admin.PostAsJsonAsync("/api/groups/notices", new { text = "停电通知", groupIds = new[] { group } });

        var delivery = await WaitForStatusAsync("failed", 1);
        Assert.Contains("93000", delivery.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("请3栋201的张伟尽快挪车", HttpStatusCode.BadRequest)]
    [InlineData("有事联系13812345678", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    public async Task PostNotice_PersonalDataOrEmpty_Returns400AndQueuesNothing(string text, HttpStatusCode expected)
    {
        var group = await RegisterAsync("wrkA", "幸福里业主群", "robot-a");

        var response = await _admin.PostAsJsonAsync("/api/groups/notices", new { text, groupIds = new[] { group } });

        Assert.Equal(expected, response.StatusCode);
        var log = await _admin.GetFromJsonAsync<JsonElement>("/api/groups/notices");
        Assert.Equal(0, log.GetArrayLength());
    }

    [Fact]
    public async Task PostNotice_NoGroupMatches_Returns404()
    {
        var response = await _admin.PostAsJsonAsync("/api/groups/notices", new { text = "停水通知", groupIds = new[] { 404L } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ListGroups_MasksTheWebhookKey()
    {
        await RegisterAsync("wrkA", "幸福里业主群", "robot-secret-key");

        var groups = await _admin.GetFromJsonAsync<JsonElement>("/api/groups");

        var group = Assert.Single(groups.EnumerateArray());
        Assert.Equal("robo***", group.GetProperty("webhookKey").GetString());
        Assert.True(group.GetProperty("hasRobot").GetBoolean());
        Assert.Equal("community", group.GetProperty("scope").GetString());
    }

    private async Task<long> RegisterAsync(string chatId, string name, string? key, string scope = "community", long? compoundId = null, long? buildingId = null)
    {
        var response = await _admin.PostAsJsonAsync("/api/groups", new { chatId, name, scope, compoundId, buildingId, webhookKey = key });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>Polls the delivery log until <paramref name="count"/> deliveries have <paramref name="status"/>.</summary>
    private async Task<JsonElement> WaitForStatusAsync(string status, int count)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var log = await _admin.GetFromJsonAsync<JsonElement>("/api/groups/notices?max=100");
            var matching = log.EnumerateArray().SelectMany(n => n.GetProperty("deliveries").EnumerateArray())
                .Where(d => d.GetProperty("status").GetString() == status).ToList();
            if (matching.Count >= count)
            {
                return matching[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"expected {count} deliveries {status}, got {matching.Count}");
            await Task.Delay(100);
        }
    }
}
