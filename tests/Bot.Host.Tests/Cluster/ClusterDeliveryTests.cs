using System.Xml.Linq;
using Bot.Host.Tests.Infrastructure;
using Bot.TestSupport.Cluster;

namespace Bot.Host.Tests.Cluster;

public sealed class DeliveryCluster : ClusterFixture;

/// <summary>WeChat retries a callback it got no answer to, and behind a load balancer the retry may reach the other host.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterDeliveryTests(DeliveryCluster cluster) : IClassFixture<DeliveryCluster>
{
    private const int Messages = 16;

    [Fact]
    public async Task Callback_SameMsgIdToBothHostsAtOnce_ProcessedAndAnsweredOnce()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var requests = ClusterFixture.Callbacks();
        var sent = Enumerable.Range(0, Messages).Select(i => new Sent(
            $"o-{run}-{i}",
            WeChatRequests.NextMsgId(),
            Complaint: i % 2 == 0,
            i % 2 == 0 ? $"幸福里小区{i + 1}栋楼上每天半夜装修，电钻声音特别吵，电话1381234{i:0000}" : "你好")).ToList();

        // Every message reaches both hosts at the same moment: first to one (alternating), its retry to the other.
        var answers = await Task.WhenAll(sent.SelectMany((m, i) => new[] { cluster.Hosts[i % 2], cluster.Hosts[(i + 1) % 2] }
            .Select(host => DeliverAsync(host, requests, m))));

        await Poll.UntilAsync(async () => await cluster.ScalarAsync(
                """SELECT count(*) FROM inbox WHERE "UserId" LIKE @p AND "Status" = 1""", ("p", $"o-{run}-%")) == Messages,
            TimeSpan.FromSeconds(40), () => $"not every message was processed{Environment.NewLine}{cluster.Output()}");
        await Poll.UntilAsync(async () => await cluster.ScalarAsync(
                """SELECT count(*) FROM outbox WHERE "UserId" LIKE @p AND "Status" IN (0, 1)""", ("p", $"o-{run}-%")) == 0,
            TimeSpan.FromSeconds(30), () => $"replies still queued{Environment.NewLine}{cluster.Output()}");

        var customSends = cluster.WeChat.CustomSends;
        foreach (var message in sent)
        {
            Assert.Equal(1, await cluster.ScalarAsync("""SELECT count(*) FROM inbox WHERE "UserId" = @u""", ("u", message.OpenId)));
            if (message.Complaint)
            {
                Assert.Equal(1, await cluster.ScalarAsync("""SELECT count(*) FROM tickets WHERE "UserId" = @u""", ("u", message.OpenId)));
            }

            var passive = answers.Where(a => a.OpenId == message.OpenId && a.PassiveText is not null).Select(a => a.PassiveText!).ToList();
            var pushed = customSends.Where(s => s.OpenId == message.OpenId).Select(s => s.Text).ToList();
            Assert.True(passive.Count <= 1, $"{message.OpenId} got passive replies on both deliveries: {string.Join(" | ", passive)}");
            Assert.True(passive.Count + pushed.Count > 0, $"{message.OpenId} was never answered{Environment.NewLine}{cluster.Output()}");
            Assert.Equal(pushed.Count, pushed.Distinct(StringComparer.Ordinal).Count());
            Assert.DoesNotContain(passive.SingleOrDefault() ?? "\u0000", pushed);
        }
    }

    private static async Task<Answer> DeliverAsync(BotProcess host, WeChatRequests requests, Sent message)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.SendAsync(requests.Plain(WeChatRequests.TextXml(message.OpenId, message.Text, message.MsgId)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{host.Name}: {(int)response.StatusCode} {body}");
        return new Answer(message.OpenId, body.StartsWith("<xml>", StringComparison.Ordinal) ? XElement.Parse(body).Element("Content")?.Value ?? body : null);
    }

    private sealed record Sent(string OpenId, long MsgId, bool Complaint, string Text);

    private sealed record Answer(string OpenId, string? PassiveText);
}
