using System.Net.Http.Json;
using Bot.Host.Tests.Infrastructure;

namespace Bot.Host.Tests.Events;

/// <summary>"@睦邻助手 明天的夜市在哪" in a WeCom group, answered from the schedules through the real /wecom/bot endpoint.</summary>
public sealed class EventGroupAnswerTests
{
    [Fact]
    public async Task GroupAsksWhereTheNightMarketIs_NextSessionsThenTheCancellation()
    {
        await using var host = await EventHost.StartAsync(WeComBotRequests.Configure);
        var requests = new WeComBotRequests(host.Factory.Clock.GetUtcNow());

        var answer = await WeComBotRequests.ContentAsync(await host.Factory.CreateClient().SendAsync(requests.Post(WeComBotRequests.Ask("这周的夜市在哪？"))));

        Assert.Contains("幸福社区民情夜市", answer);
        Assert.Contains("12月2日", answer);
        Assert.Contains("党群服务中心广场", answer);

        var cancel = await host.Admin.PostAsJsonAsync($"/api/events/occurrences/{EventDialogueTests.Occurrence(EventHost.Wednesday19)}/cancel", new { reason = "暴雨预警" });
        cancel.EnsureSuccessStatusCode();
        var afterCancel = await WeComBotRequests.ContentAsync(await host.Factory.CreateClient().SendAsync(requests.Post(WeComBotRequests.Ask("夜市还办吗"))));

        Assert.Contains("【取消】", afterCancel);
        Assert.Contains("暴雨预警", afterCancel);
        Assert.Contains("12月9日", afterCancel);
    }
}
