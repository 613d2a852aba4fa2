using Bot.Connectors.WeCom.Api;
using Bot.TestSupport.WeCom;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.WeCom.Api;

public sealed class WeComApiClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)));
    private FakeWeComApi _api = null!;
    private WeComApiHarness _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeComApi.StartAsync(_clock);
        _host = WeComApiHarness.Create(_api, _clock);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task SendAppMessageAsync_Text_PostsTouserMsgtypeAgentidAndUnescapedChinese()
    {
        var result = await _host.Client.SendAppMessageAsync(WeComAppMessage.Text(["zhangsan", "lisi"], "工单A1已派给您"), CancellationToken.None);

        Assert.True(result.Succeeded);
        var call = Assert.Single(_api.CallsTo(FakeWeComApi.AppSendPath));
        Assert.Equal("wecom-token-1", call.AccessToken);
        Assert.Contains("工单A1已派给您", call.Body, StringComparison.Ordinal);
        var body = call.Json!;
        Assert.Equal("zhangsan|lisi", body["touser"]!.GetValue<string>());
        Assert.Equal("text", body["msgtype"]!.GetValue<string>());
        Assert.Equal(1000002, body["agentid"]!.GetValue<int>());
        Assert.Equal("工单A1已派给您", body["text"]!["content"]!.GetValue<string>());
        Assert.Null(body["markdown"]);
        Assert.Null(body["textcard"]);
    }

    [Fact]
    public async Task SendAppMessageAsync_Markdown_PostsMarkdownContent()
    {
        await _host.Client.SendAppMessageAsync(WeComAppMessage.Markdown(["zhangsan"], "**新工单** <font color=\"warning\">红色</font>"), CancellationToken.None);

        var body = Assert.Single(_api.AppSends);
        Assert.Equal("markdown", body["msgtype"]!.GetValue<string>());
        Assert.Equal("**新工单** <font color=\"warning\">红色</font>", body["markdown"]!["content"]!.GetValue<string>());
        Assert.Null(body["text"]);
    }

    [Fact]
    public async Task SendAppMessageAsync_TextCard_PostsTitleDescriptionUrlAndButton()
    {
        var card = new WeComTextCard("噪声扰民 A1", "<div class=\"highlight\">3栋夜间施工</div>", "https://example.org/t/A1", "详情");

        await _host.Client.SendAppMessageAsync(WeComAppMessage.Card(["zhangsan"], card), CancellationToken.None);

        var body = Assert.Single(_api.AppSends);
        Assert.Equal("textcard", body["msgtype"]!.GetValue<string>());
        var part = body["textcard"]!;
        Assert.Equal("噪声扰民 A1", part["title"]!.GetValue<string>());
        Assert.Equal("<div class=\"highlight\">3栋夜间施工</div>", part["description"]!.GetValue<string>());
        Assert.Equal("https://example.org/t/A1", part["url"]!.GetValue<string>());
        Assert.Equal("详情", part["btntxt"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendRobotMessageAsync_TextAndMarkdown_PostToWebhookWithKey()
    {
        await _host.Client.SendRobotMessageAsync("robot-key-1", RobotMessage.Text("有新工单", ["@all"]), CancellationToken.None);
        await _host.Client.SendRobotMessageAsync("robot-key-1", RobotMessage.Markdown("# 今日汇总"), CancellationToken.None);

        var calls = _api.CallsTo(FakeWeComApi.RobotSendPath);
        Assert.All(calls, call => Assert.Equal("robot-key-1", call.Query["key"]));
        Assert.Equal("有新工单", calls[0].Json!["text"]!["content"]!.GetValue<string>());
        Assert.Equal("@all", calls[0].Json!["text"]!["mentioned_list"]![0]!.GetValue<string>());
        Assert.Equal("# 今日汇总", calls[1].Json!["markdown"]!["content"]!.GetValue<string>());
        Assert.Equal(0, _api.TokenFetches);
    }

    [Fact]
    public async Task SendAppMessageAsync_35ToOneMemberWithinAMinute_Sends30ThenRestAfterWindow()
    {
        var sends = Enumerable.Range(0, 35)
            .Select(i => _host.Client.SendAppMessageAsync(WeComAppMessage.Text(["zhangsan"], $"第{i}条"), CancellationToken.None))
            .ToList();

        await _api.WaitForSendsAsync(FakeWeComApi.AppSendPath, 30, Timeout);
        await _host.Gates.AppMessages.WhenWaitingAsync(5).WaitAsync(Timeout);
        Assert.Equal(30, _api.AppSends.Count);
        Assert.Equal(5, _host.Gates.AppMessages.Waiting);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var results = await Task.WhenAll(sends).WaitAsync(Timeout);

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(35, _api.AppSends.Count);
    }

    [Fact]
    public async Task SendAppMessageAsync_DifferentMembers_AreNotHeldByEachOther()
    {
        for (var i = 0; i < 30; i++)
        {
            await _host.Client.SendAppMessageAsync(WeComAppMessage.Text(["zhangsan"], "x"), CancellationToken.None);
        }

        var other = await _host.Client.SendAppMessageAsync(WeComAppMessage.Text(["lisi"], "y"), CancellationToken.None).WaitAsync(Timeout);

        Assert.True(other.Succeeded);
    }

    [Fact]
    public async Task SendRobotMessageAsync_RateLimited45009_RetriedAfterBackoffAndDeliveredOnce()
    {
        _api.FailNext(FakeWeComApi.RobotSendPath, WeComApiClient.RateLimited);

        var send = _host.Client.SendRobotMessageAsync("robot-key-2", RobotMessage.Text("巡查提醒"), CancellationToken.None);
        await _host.Gates.Robots.WhenWaitingAsync(1).WaitAsync(Timeout);
        Assert.False(send.IsCompleted);

        _clock.Advance(WeComApiClient.FirstBackoff);
        var result = await send.WaitAsync(Timeout);

        Assert.True(result.Succeeded);
        Assert.Equal(2, _api.CallsTo(FakeWeComApi.RobotSendPath).Count);
        Assert.Single(_api.RobotSends);
    }

    [Fact]
    public async Task SendRobotMessageAsync_21WithinAMinute_HoldsTheLastOne()
    {
        var sends = Enumerable.Range(0, 21)
            .Select(i => _host.Client.SendRobotMessageAsync("robot-key-3", RobotMessage.Text($"{i}"), CancellationToken.None))
            .ToList();

        await _api.WaitForSendsAsync(FakeWeComApi.RobotSendPath, 20, Timeout);
        await _host.Gates.Robots.WhenWaitingAsync(1).WaitAsync(Timeout);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(sends).WaitAsync(Timeout);

        Assert.Equal(21, _api.RobotSends.Count);
    }
}
