using Bot.Host.Tests.Infrastructure;
using Bot.TestSupport.Cluster;
using Bot.TestSupport.Language;

namespace Bot.Host.Tests.Cluster;

/// <summary>
/// Slow turns: the language model hangs until the 3 s decision timeout, and callbacks give up waiting after 300 ms, so
/// messages are accepted ("success") long before their turns end. Short inbox leases and resident-lock leases let
/// host b take over host a's messages within seconds of a's death.
/// </summary>
public sealed class KillCluster : ClusterFixture
{
    public FakeOpenAiServer Model { get; private set; } = null!;

    protected override async Task StartFakesAsync()
    {
        Model = await FakeOpenAiServer.StartAsync();
        Model.DefaultResponder = _ => FakeOpenAiResponse.Hang();
    }

    protected override async Task DisposeFakesAsync() => await Model.DisposeAsync();

    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Llm__Provider", "OpenAI"),
        new("Llm__Endpoint", Model.BaseUrl),
        new("Llm__Model", "fake-model"),
        new("Llm__DecisionTimeoutMs", "3000"),
        // The hanging model must not open the circuit before the kill: every turn should really wait on it.
        new("Llm__MinimumThroughput", "1000"),
        new("WeChat__ReplyBudgetMs", "300"),
        new("Inbox__LeaseSeconds", "8"),
        new("Inbox__RecoverySweepSeconds", "1"),
        // A killed host's Redis turn locks lapse after this; the survivor then takes the residents' turns.
        new("Intake__TurnLockLeaseSeconds", "6"),
        // Replies a killed dispatcher had claimed are sent by the survivor after this.
        new("Outbox__LeaseMs", "5000"),
        new("Outbox__SendTimeoutMs", "1000"),
    ];
}

[Collection(ClusterCollection.Name)]
public sealed class ClusterKillTests(KillCluster cluster) : IClassFixture<KillCluster>
{
    private const int Messages = 6;

    [Fact]
    public async Task Kill_HostWithTurnsInFlight_EveryAcceptedMessageProcessedAndAnsweredOnce()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var requests = ClusterFixture.Callbacks();
        using var client = cluster.Client(cluster.A);
        var users = Enumerable.Range(0, Messages).Select(i => $"o-{run}-{i}").ToList();
        var before = cluster.Model.Requests.Count;
        foreach (var (user, i) in users.Select((u, i) => (u, i)))
        {
            using var response = await client.SendAsync(requests.Plain(WeChatRequests.TextXml(user, $"楼上邻居家漏水{i + 1}天了，天花板都泡坏了怎么办", WeChatRequests.NextMsgId())));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var accepted = await cluster.ScalarAsync("""SELECT count(*) FROM inbox WHERE "UserId" LIKE @p""", ("p", $"o-{run}-%"));
        Assert.Equal(Messages, accepted);

        // Kill while turns wait on the model (if the model is asked at all; at the latest after 5 s).
        try
        {
            await cluster.Model.WaitForRequestsAsync(before + 1).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The turns may not consult the model; some are still unprocessed all the same, as asserted next.
        }

        cluster.A.Kill();
        var unprocessed = await UnprocessedAsync(run);
        Assert.True(unprocessed > 0, "every turn had finished before the kill; the test proves nothing");

        // Host b finishes a's messages on its own once their leases lapse; a's restart then finds nothing to redo.
        await Poll.UntilAsync(async () => await UnprocessedAsync(run) == 0, TimeSpan.FromSeconds(45),
            () => $"b did not take over a's messages{Environment.NewLine}{cluster.Output()}");
        Assert.True(await cluster.ScalarAsync("""SELECT count(*) FROM inbox WHERE "UserId" LIKE @p AND "OwnerId" = 'b'""", ("p", $"o-{run}-%")) >= unprocessed);
        await cluster.A.RestartAsync();
        await Poll.UntilAsync(async () => await cluster.ScalarAsync(
                """SELECT count(*) FROM outbox WHERE "UserId" LIKE @p AND "Status" IN (0, 1)""", ("p", $"o-{run}-%")) == 0,
            TimeSpan.FromSeconds(30), () => $"replies still queued{Environment.NewLine}{cluster.Output()}");

        var sends = cluster.WeChat.CustomSends;
        foreach (var user in users)
        {
            Assert.Equal(1, await cluster.ScalarAsync("""SELECT count(*) FROM inbox WHERE "UserId" = @u""", ("u", user)));
            var texts = sends.Where(s => s.OpenId == user).Select(s => s.Text).ToList();
            Assert.True(texts.Count > 0, $"{user} was never answered{Environment.NewLine}{cluster.Output()}");
            Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
            Assert.True(await cluster.ScalarAsync("""SELECT count(*) FROM tickets WHERE "UserId" = @u""", ("u", user)) <= 1);
        }
    }

    private Task<long> UnprocessedAsync(string run) =>
        cluster.ScalarAsync("""SELECT count(*) FROM inbox WHERE "UserId" LIKE @p AND "Status" = 0""", ("p", $"o-{run}-%"));
}
