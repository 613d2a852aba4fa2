using Bot.Connectors.Storage;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Intake;

public sealed class RateLimitIntakeTests
{
    [Fact]
    public async Task Post_OverLimit_PoliteReplyNoSkillAndRecordedAsProcessed()
    {
        var skill = TestSkills.Replies("test_rate", "收到");
        using var host = new BotHostFactory()
            .With("Intake:MaxMessagesPerMinute", "1")
            .WithServices(s => s.AddSingleton<ISkill>(skill));
        var requests = new WeChatRequests(host.Clock.GetUtcNow());
        var client = host.CreateClient();

        var first = await client.SendAsync(requests.Plain(WeChatRequests.EventXml("o-rate", "CLICK", "test_rate", createTime: 1_700_000_001)));
        var second = await client.SendAsync(requests.Plain(WeChatRequests.EventXml("o-rate", "CLICK", "test_rate", createTime: 1_700_000_002)));

        Assert.Contains("收到", await first.Content.ReadAsStringAsync());
        Assert.Contains("您发送得太频繁了，请稍后再试。", await second.Content.ReadAsStringAsync());
        Assert.Equal(1, skill.Calls);
        var rows = await host.QueryAsync(db => db.Inbox.OrderBy(m => m.Id).Select(m => new { m.Status, m.Intent }).ToListAsync());
        Assert.All(rows, row => Assert.Equal(InboxStatus.Processed, row.Status));
        Assert.Equal(Intents.RateLimited, rows[1].Intent);
    }
}
