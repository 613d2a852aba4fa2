using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Endpoints;

/// <summary>WeChat retries a callback up to three times: one processing and one answer, whatever arrives.</summary>
public sealed class WeChatDedupeTests : IDisposable
{
    private readonly ScriptedSkill _counter = new("test_count", (_, _) => Task.FromResult<IReadOnlyList<Reply>>([Reply.FromText("已处理")]));
    private readonly BotHostFactory _host;

    public WeChatDedupeTests()
    {
        _host = new BotHostFactory().WithServices(s => s.AddSingleton<ISkill>(_counter));
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Post_SameMessageThreeTimesInSequence_ProcessedAndAnsweredOnce()
    {
        var requests = new WeChatRequests(_host.Clock.GetUtcNow());
        var xml = WeChatRequests.EventXml("o-seq", "CLICK", "test_count", createTime: 1_700_000_123);
        var client = _host.CreateClient();

        var bodies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            bodies.Add(await (await client.SendAsync(requests.Safe(xml))).Content.ReadAsStringAsync());
        }

        Assert.Equal(1, _counter.Calls);
        Assert.Single(bodies, body => body != "success");
        Assert.Contains("已处理", WeChatRequests.OpenReply(bodies[0]));
        Assert.Equal(1, await _host.QueryAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task Post_SameMessageThirtyTimesConcurrently_ProcessedAndAnsweredOnce()
    {
        var requests = new WeChatRequests(_host.Clock.GetUtcNow());
        var xml = WeChatRequests.EventXml("o-par", "CLICK", "test_count", createTime: 1_700_000_456);
        var client = _host.CreateClient();

        var bodies = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
            await (await client.SendAsync(requests.Safe(xml))).Content.ReadAsStringAsync()));

        Assert.Equal(1, _counter.Calls);
        Assert.Single(bodies, body => body != "success");
        Assert.Equal(1, await _host.QueryAsync(db => db.Inbox.CountAsync()));
        Assert.Equal(1, await _host.QueryAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task Post_SameMsgIdFromTwoResidents_BothProcessed()
    {
        var requests = new WeChatRequests(_host.Clock.GetUtcNow());
        var client = _host.CreateClient();

        var a = await (await client.SendAsync(requests.Plain(WeChatRequests.TextXml("o-a", "你好", 555)))).Content.ReadAsStringAsync();
        var b = await (await client.SendAsync(requests.Plain(WeChatRequests.TextXml("o-b", "你好", 555)))).Content.ReadAsStringAsync();

        Assert.NotEqual("success", a);
        Assert.NotEqual("success", b);
    }
}
