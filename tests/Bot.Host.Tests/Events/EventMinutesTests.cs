using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.TestSupport.WeCom;

namespace Bot.Host.Tests.Events;

/// <summary>After the session: minutes, open topics turned into tickets with their origin, outcomes told to residents.</summary>
public sealed partial class EventMinutesTests
{
    [Fact]
    public async Task Minutes_ResolvedAndOpenTopics_TicketsWithOriginAndResidentsTold()
    {
        await using var host = await EventHost.StartAsync();
        var lights = await host.SayAsync("mi-1", "我想在夜市反映建议广场加装路灯");
        var benches = await host.SayAsync("mi-2", "我想在夜市反映建议小区里多放几张长椅");
        var smoke = await host.SayAsync("mi-3", "我想在夜市反映楼下烧烤店油烟太大，天天熏到家里");
        var (lightsId, benchesId, smokeId) = (Id(lights), Id(benches), Id(smoke));
        var smokeTicket = TicketNumber().Match(smoke).Value;
        var occurrence = EventDialogueTests.Occurrence(EventHost.Wednesday19);

        var early = await host.Admin.PostAsJsonAsync($"/api/events/occurrences/{occurrence}/minutes", new { discussed = "x", decided = "y" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        host.Factory.Clock.SetUtcNow(EventHost.Wednesday19.AddHours(3));
        var response = await host.Admin.PostAsJsonAsync($"/api/events/occurrences/{occurrence}/minutes", new
        {
            discussed = "路灯、长椅、油烟", decided = "路灯纳入明年计划；油烟交城管",
            recordedBy = "王书记",
            topics = new object[]
            {
                new { registrationId = lightsId, resolved = true, outcome = "已纳入明年微更新计划" },
                new { registrationId = smokeId, resolved = false, outcome = "已请城管上门检查" },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var topics = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("topics").EnumerateArray().ToList();
        Assert.Equal(3, topics.Count);
        Assert.Contains("已纳入明年微更新计划", await host.WaitForResidentAsync("mi-1", "现场答复"));
        var benchesTold = await host.WaitForResidentAsync("mi-2", "已转为工单");
        var benchesTicket = TicketNumber().Match(benchesTold).Value;
        Assert.NotEqual(smokeTicket, benchesTicket);
        Assert.Contains(smokeTicket, await host.WaitForResidentAsync("mi-3", "已转为工单"));

        var ticket = await host.Admin.GetFromJsonAsync<JsonElement>($"/api/tickets/{benchesTicket}");
        Assert.Equal("夜市", ticket.GetProperty("ticket").GetProperty("origin").GetString());
        var history = await host.Admin.GetFromJsonAsync<JsonElement>($"/api/tickets/{smokeTicket}");
        Assert.Contains(history.GetProperty("history").EnumerateArray(), h => h.GetProperty("note").GetString()!.Contains("已请城管上门检查", StringComparison.Ordinal));
        Assert.Contains($"{benchesId}｜议题", await host.SayAsync("mi-2", "我的报名"));

        var again = await host.Admin.PostAsJsonAsync($"/api/events/occurrences/{occurrence}/minutes", new { discussed = "x", decided = "y" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(await host.ResidentTextsAsync("mi-1"), t => t.Contains("现场答复", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Robots_ManyAnnouncementsToOneGroup_PacedAtTwentyAMinute()
    {
        await using var host = await EventHost.StartAsync();

        // 25 cancellations of one schedule's sessions: 25 posts to the same group robot at one fake instant.
        for (var week = 0; week < 25; week++)
        {
            var id = EventDialogueTests.Occurrence(EventHost.Wednesday19.AddDays(7 * week));
            (await host.Admin.PostAsJsonAsync($"/api/events/occurrences/{id}/cancel", new { reason = "场地维修" })).EnsureSuccessStatusCode();
        }

        await host.WeCom.WaitForSendsAsync(FakeWeComApi.RobotSendPath, 20, TimeSpan.FromSeconds(30));
        await Task.Delay(1500);
        Assert.Equal(20, host.WeCom.RobotSends.Count);

        host.Factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await host.WeCom.WaitForSendsAsync(FakeWeComApi.RobotSendPath, 25, TimeSpan.FromSeconds(30));
        Assert.Equal(25, host.RobotTexts().Count(t => t.Contains("【活动取消】", StringComparison.Ordinal)));
    }

    private static long Id(string reply) => long.Parse(RegistrationId().Match(reply).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"报名号 (\d+)")]
    private static partial Regex RegistrationId();

    [GeneratedRegex(@"\d{4}-\d{6}")]
    private static partial Regex TicketNumber();
}
