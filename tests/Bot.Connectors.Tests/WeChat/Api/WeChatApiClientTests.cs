using Bot.Skills.Engine;
using Bot.TestSupport.WeChat;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.WeChat.Api;

public sealed class WeChatApiClientTests : IAsyncLifetime
{
    private const string OpenId = "oResident001";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)));
    private FakeWeChatApi _api = null!;
    private WeChatApiHarness _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync(_clock);
        _host = WeChatApiHarness.Create(_api, _clock);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task SendCustomMessageAsync_Text_PostsUnescapedChineseText()
    {
        var result = await _host.Client.SendCustomMessageAsync(OpenId, Reply.FromText("您好，已收到您的反映。"), CancellationToken.None);

        Assert.True(result.Succeeded);
        var call = Assert.Single(_api.CallsTo(FakeWeChatApi.CustomSendPath));
        Assert.Equal("token-1", call.AccessToken);
        Assert.Contains("\"content\":\"您好，已收到您的反映。\"", call.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", call.Body, StringComparison.Ordinal);
        Assert.Equal("text", call.Json!["msgtype"]!.GetValue<string>());
        Assert.Null(call.Json["news"]);
        Assert.Equal([(OpenId, "您好，已收到您的反映。")], _api.CustomSends);
    }

    [Fact]
    public async Task SendTemplateMessageAsync_Fields_PostsTemplateIdAndValues()
    {
        var data = new Dictionary<string, string> { ["thing1"] = "网格员回复", ["time2"] = "2025年3月1日 08:00" };

        var result = await _host.Client.SendTemplateMessageAsync(OpenId, "tmpl-1", data, "https://example.org/t", CancellationToken.None);

        Assert.True(result.Succeeded);
        var call = Assert.Single(_api.CallsTo(FakeWeChatApi.TemplateSendPath));
        Assert.Equal("token-1", call.AccessToken);
        Assert.Equal(OpenId, call.Json!["touser"]!.GetValue<string>());
        Assert.Equal("tmpl-1", call.Json["template_id"]!.GetValue<string>());
        Assert.Equal("https://example.org/t", call.Json["url"]!.GetValue<string>());
        Assert.Equal("网格员回复", call.Json["data"]!["thing1"]!["value"]!.GetValue<string>());
        Assert.DoesNotContain("\\u", call.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendCustomMessageAsync_News_PostsArticles()
    {
        var reply = Reply.FromNews(
        [
            new NewsArticle("夜市开放时间", "每周五至周日 18:00-22:00", "https://example.org/night-market", "https://example.org/n.jpg"),
            new NewsArticle("社区开放日", "欢迎居民参加", "https://example.org/visit-day", "https://example.org/v.jpg"),
        ]);

        var result = await _host.Client.SendCustomMessageAsync(OpenId, reply, CancellationToken.None);

        Assert.True(result.Succeeded);
        var send = Assert.Single(_api.AcceptedCustomSends);
        Assert.Equal("news", send.MsgType);
        Assert.Null(send.Body["text"]);
        var articles = send.Body["news"]!["articles"]!.AsArray();
        Assert.Equal(2, articles.Count);
        Assert.Equal("夜市开放时间", articles[0]!["title"]!.GetValue<string>());
        Assert.Equal("每周五至周日 18:00-22:00", articles[0]!["description"]!.GetValue<string>());
        Assert.Equal("https://example.org/night-market", articles[0]!["url"]!.GetValue<string>());
        Assert.Equal("https://example.org/n.jpg", articles[0]!["picurl"]!.GetValue<string>());
        Assert.DoesNotContain("\\u", _api.CallsTo(FakeWeChatApi.CustomSendPath)[0].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40001)]
    [InlineData(40014)]
    [InlineData(42001)]
    public async Task SendCustomMessageAsync_TokenRejectedOnce_RefreshesTokenAndRetriesOnce(int errCode)
    {
        _api.FailNextCustomSend(errCode);

        var result = await _host.Client.SendCustomMessageAsync(OpenId, Reply.FromText("你好"), CancellationToken.None);

        Assert.True(result.Succeeded);
        var sends = _api.CallsTo(FakeWeChatApi.CustomSendPath);
        Assert.Equal(2, sends.Count);
        Assert.Equal(["token-1", "token-2"], sends.Select(call => call.AccessToken));
        Assert.Equal(2, _api.TokenFetches);
        Assert.Equal(1, _api.ForcedTokenFetches);
    }

    [Fact]
    public async Task SendCustomMessageAsync_TokenExpiredAtWeChat_RefreshesAndDelivers()
    {
        await _host.Client.SendCustomMessageAsync(OpenId, Reply.FromText("第一条"), CancellationToken.None);
        _api.ExpireTokens();

        var result = await _host.Client.SendCustomMessageAsync(OpenId, Reply.FromText("第二条"), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal([(OpenId, "第一条"), (OpenId, "第二条")], _api.CustomSends);
        Assert.Equal(3, _api.CustomSendAttempts);
    }

    [Fact]
    public async Task SendCustomMessageAsync_TokenRejectedTwice_ReturnsErrorAfterOneRetry()
    {
        _api.FailNextCustomSend(40001, count: 2);

        var result = await _host.Client.SendCustomMessageAsync(OpenId, Reply.FromText("你好"), CancellationToken.None);

        Assert.Equal(40001, result.ErrCode);
        Assert.Equal(2, _api.CustomSendAttempts);
    }

    [Theory]
    [InlineData(45047)]
    [InlineData(45015)]
    public async Task SendCustomMessageAsync_OtherErrCode_ReturnsItWithoutRetry(int errCode)
    {
        _api.FailNextCustomSend(errCode, errMsg: "out of limit");

        var result = await _host.Client.SendCustomMessageAsync(OpenId, Reply.FromText("你好"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(errCode, result.ErrCode);
        Assert.Equal("out of limit", result.ErrMsg);
        Assert.Equal(1, _api.CustomSendAttempts);
        Assert.Equal(1, _api.TokenFetches);
    }

    [Fact]
    public async Task SendCustomMessageAsync_TokenRefused_ReturnsTokenErrCodeWithoutSending()
    {
        _api.ExpectedSecret = "another-secret";

        var result = await _host.Client.SendCustomMessageAsync(OpenId, Reply.FromText("你好"), CancellationToken.None);

        Assert.Equal(40125, result.ErrCode);
        Assert.Equal(0, _api.CustomSendAttempts);
    }

    [Fact]
    public async Task SendCustomMessageAsync_HttpError_ThrowsHttpRequestException()
    {
        _api.FailNextWithHttp(502);

        await Assert.ThrowsAsync<HttpRequestException>(
            () => _host.Client.SendCustomMessageAsync(OpenId, Reply.FromText("你好"), CancellationToken.None));
        Assert.Empty(_api.CustomSends);
    }

    [Fact]
    public async Task WaitForCustomSendsAsync_SendArrivesLater_CompletesOnSignal()
    {
        var waiting = _api.WaitForCustomSendsAsync(2, TimeSpan.FromSeconds(10));
        Assert.False(waiting.IsCompleted);

        await _host.Client.SendCustomMessageAsync(OpenId, Reply.FromText("一"), CancellationToken.None);
        await _host.Client.SendCustomMessageAsync(OpenId, Reply.FromText("二"), CancellationToken.None);

        await waiting;
        Assert.Equal(2, _api.CustomSends.Count);
    }
}
