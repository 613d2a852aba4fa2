using System.Net;
using Bot.Host.Tests.Infrastructure;
using Bot.TestSupport.Postgres;
using Bot.TestSupport.WeChat;
using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Tests.Storage;

/// <summary>PostgreSQL stopped under a running host (a real server stopped and started again): nothing lost, nothing twice.</summary>
public sealed class PostgresOutageTests(StoppablePostgresFixture postgres) : WeChatApiTestBase, IClassFixture<StoppablePostgresFixture>
{

    [Fact]
    public async Task Post_WhilePostgresIsDown_Answers503AndWeChatsRetryIsAnsweredOnce()
    {
        using var host = new BotHostFactory(Api.BaseUrl).WithPostgres(postgres.ConnectionString).WithJobs();
        var client = host.CreateClient();
        var requests = new WeChatRequests(host.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(requests.Plain(WeChatRequests.TextXml("o-outage", "你好", WeChatRequests.NextMsgId())))).StatusCode);
        var msgId = WeChatRequests.NextMsgId();
        var xml = WeChatRequests.TextXml("o-outage", "你好，请问社区电话是多少", msgId);

        await postgres.StopAsync();
        try
        {
            var refused = await client.SendAsync(requests.Plain(xml));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            await postgres.StartAgainAsync();
        }

        // WeChat retries the same delivery: now it is stored and answered, and a further retry is a duplicate.
        var answered = await client.SendAsync(requests.Plain(xml));
        var again = await client.SendAsync(requests.Plain(xml));

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("<xml>", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("success", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        var key = msgId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await host.QueryAsync(db => db.Inbox.CountAsync(m => m.MessageKey.EndsWith(":" + key))));
        Assert.Empty(Api.CustomSends);
    }
}
