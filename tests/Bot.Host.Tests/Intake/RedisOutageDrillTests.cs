using Bot.Connectors.Cluster;
using Bot.Connectors.Redis;
using Bot.Connectors.Storage;
using Bot.Host.Intake;
using Bot.Host.Tests.Infrastructure;
using Bot.TestSupport.Redis;
using Bot.TestSupport.WeChat;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Intake;

/// <summary>
/// A host with Redis configured takes traffic while its redis-server is killed and restarted: every message is
/// accepted exactly once, none is answered twice, and turns that need the conversation state wait in the inbox
/// instead of apologising.
/// </summary>
public sealed class RedisOutageDrillTests : IAsyncLifetime
{
    private const string Intent = "test_echo";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly RedisServerFixture _redis = new() { Stoppable = true };
    private FakeWeChatApi _api = null!;
    private long _createTime = 1_700_000_000;

    public async Task InitializeAsync()
    {
        await _redis.StartAsync();
        _api = await FakeWeChatApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Post_RedisStoppedAndRestarted_EveryMessageAnsweredExactlyOnce()
    {
        var skill = TestSkills.Replies(Intent, "收到");
        using var host = new BotHostFactory(_api.BaseUrl)
            .With("Redis:Configuration", _redis.Configuration)
            .WithServices(s => s.AddSingleton<Bot.Skills.Engine.ISkill>(skill));
        var client = host.CreateClient();
        var requests = new WeChatRequests(host.Clock.GetUtcNow());

        // Redis up: answered in the response; a retry stops at the Redis gate.
        var before = NextClick("o-before");
        Assert.Contains("收到", await PostAsync(client, requests, before));
        Assert.Equal(string.Empty, Normalise(await PostAsync(client, requests, before)));
        Assert.True(await _redis.Database.KeyExistsAsync(DeliveryGate.KeyFor("wechat", $"{BotHostFactory.AppId}:o-before:{_createTime}:CLICK")));

        // Redis down: accepted once (the database dedupes the retry), no apology, left in the inbox.
        await _redis.StopServerAsync();
        var during = new[] { NextClick("o-during-1"), NextClick("o-during-2"), NextClick("o-during-3") };
        foreach (var xml in during)
        {
            Assert.Equal(string.Empty, Normalise(await PostAsync(client, requests, xml)));
        }

        Assert.Equal(string.Empty, Normalise(await PostAsync(client, requests, during[0])));
        Assert.Equal(1, skill.Calls);
        var waiting = await host.QueryAsync(db => db.Inbox.Where(m => m.Status == InboxStatus.Received).CountAsync());
        Assert.Equal(3, waiting);
        Assert.Equal(4, await host.QueryAsync(db => db.Inbox.CountAsync()));

        // Redis back: once the circuit lets a probe through, the recovery sweep re-runs what was handed back.
        await _redis.RestartServerAsync();
        await WaitForRedisAsync(host);
        await SweepUntilAsync(host, () => _api.CustomSends.Count >= 3);
        Assert.Equal(4, skill.Calls);
        Assert.Equal(0, await host.QueryAsync(db => db.Inbox.Where(m => m.Status == InboxStatus.Received).CountAsync()));
        Assert.Equal(["o-during-1", "o-during-2", "o-during-3"], _api.CustomSends.Select(s => s.Item1).Order().ToArray());
        Assert.All(_api.CustomSends, send => Assert.Equal("收到", send.Item2));

        // A late retry of a message answered during the outage is still a duplicate.
        Assert.Equal(string.Empty, Normalise(await PostAsync(client, requests, during[1])));
        Assert.Equal(4, skill.Calls);
    }

    [Fact]
    public async Task Post_InboxInsertFails_RedisMarkRemovedSoTheRetryIsProcessed()
    {
        var skill = TestSkills.Replies(Intent, "收到");
        using var host = new BotHostFactory(_api.BaseUrl)
            .With("Redis:Configuration", _redis.Configuration)
            .WithServices(s =>
            {
                s.AddSingleton<Bot.Skills.Engine.ISkill>(skill);
                s.AddSingleton<IInboxStore>(sp => new FlakyInbox(sp.GetRequiredService<InboxStore>()));
            });
        var client = host.CreateClient();
        var requests = new WeChatRequests(host.Clock.GetUtcNow());
        var xml = NextClick("o-flaky");

        var failed = await client.SendAsync(requests.Plain(xml));
        var markAfterFailure = await _redis.Database.KeyExistsAsync(DeliveryGate.KeyFor("wechat", $"{BotHostFactory.AppId}:o-flaky:{_createTime}:CLICK"));
        var retry = await PostAsync(client, requests, xml);

        Assert.False(failed.IsSuccessStatusCode);
        Assert.False(markAfterFailure);
        Assert.Contains("收到", retry);
        Assert.Equal(1, skill.Calls);
    }

    private string NextClick(string openId) => WeChatRequests.EventXml(openId, "CLICK", Intent, createTime: ++_createTime);

    private static async Task<string> PostAsync(HttpClient client, WeChatRequests requests, string xml)
    {
        var response = await client.SendAsync(requests.Plain(xml));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>WeChat takes "success" and an empty body alike as "no reply now".</summary>
    private static string Normalise(string body) => body == "success" ? string.Empty : body;

    /// <summary>Moves the clock sweep by sweep (Inbox:RecoverySweepSeconds) until the waiting turns have run.</summary>
    private static async Task SweepUntilAsync(BotHostFactory host, Func<bool> done)
    {
        var stop = DateTime.UtcNow + Wait;
        while (!done())
        {
            Assert.True(DateTime.UtcNow < stop, "the recovery sweep did not finish the waiting messages");
            host.Clock.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(100);
        }
    }

    private static async Task WaitForRedisAsync(BotHostFactory host)
    {
        var redis = host.Services.GetRequiredService<RedisConnection>();
        var stop = DateTime.UtcNow + Wait;
        while (true)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(5));
            try
            {
                await redis.RunAsync(db => db.PingAsync(), CancellationToken.None);
                return;
            }
            catch (RedisUnavailableException) when (DateTime.UtcNow < stop)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The inbox whose first insert fails, as when the database drops the connection mid-request.</summary>
    private sealed class FlakyInbox(InboxStore inner) : IInboxStore
    {
        private int _accepts;

        public Task<Acceptance?> AcceptAsync(Bot.Skills.Engine.InboundMessage message, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _accepts) == 1
                ? throw new InvalidOperationException("database unavailable")
                : inner.AcceptAsync(message, cancellationToken);

        public Task CompleteAsync(long inboxId, string intent, IReadOnlyList<OutboundRecord> replies, CancellationToken cancellationToken) =>
            inner.CompleteAsync(inboxId, intent, replies, cancellationToken);

        public Task<IReadOnlyList<AcceptedMessage>> ClaimStrandedAsync(bool atStartup, CancellationToken cancellationToken) =>
            inner.ClaimStrandedAsync(atStartup, cancellationToken);

        public Task ReleaseAsync(long inboxId, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
            inner.ReleaseAsync(inboxId, retryAt, cancellationToken);
    }
}
