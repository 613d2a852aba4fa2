using Bot.Connectors.Cluster;
using Bot.Connectors.Storage;
using Bot.Skills.Engine;
using Bot.TestSupport.Postgres;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Tests.Storage.Postgres;

/// <summary>Hosts sharing one PostgreSQL take over each other's unfinished messages, each message by one host.</summary>
public sealed class PostgresInboxLeaseTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    private static InboxStore InboxOf(PostgresTestDatabase database, string instanceId, int maxClaims = 100) => new(
        database.Contexts(),
        PostgresTestDatabase.Gate,
        new InstanceIdentity(Options.Create(new ClusterOptions { InstanceId = instanceId })),
        Options.Create(new InboxOptions { LeaseSeconds = 60, MaxClaimsPerSweep = maxClaims }),
        database.Clock);

    private static InboundMessage Message(PostgresTestDatabase database, int i) =>
        new(Channels.WeChat, $"u{i % 17}", $"k{i}", InboundKind.Text, database.Clock.GetUtcNow(), "你好");

    [Fact]
    public async Task ClaimStrandedAsync_FourHostsSweepingAtOnce_EachMessageTakenByOneHost()
    {
        var database = await PostgresTestDatabase.CreateAsync(server);
        var dead = InboxOf(database, "dead");
        for (var i = 0; i < 200; i++)
        {
            await dead.AcceptAsync(Message(database, i), CancellationToken.None);
        }

        database.Clock.Advance(TimeSpan.FromSeconds(61));
        var hosts = Enumerable.Range(0, 4).Select(i => InboxOf(database, $"host-{i}", maxClaims: 15)).ToArray();

        var claims = await Task.WhenAll(hosts.Select(host => Task.Run(async () =>
        {
            var mine = new List<AcceptedMessage>();
            while (await host.ClaimStrandedAsync(atStartup: false, CancellationToken.None) is { Count: > 0 } batch)
            {
                mine.AddRange(batch);
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).Select(c => c.Message.MessageKey).ToList();
        Assert.Equal(200, all.Count);
        Assert.Equal(200, all.Distinct().Count());
        Assert.All(claims, c => Assert.Equal(c.Select(m => m.InboxId).Order(), c.Select(m => m.InboxId)));
    }

    [Fact]
    public async Task ClaimStrandedAsync_AtStartup_TakesBackOwnMessagesButNotAnotherHostsLiveOnes()
    {
        var database = await PostgresTestDatabase.CreateAsync(server);
        await InboxOf(database, "bot-1").AcceptAsync(Message(database, 1), CancellationToken.None);
        await InboxOf(database, "bot-2").AcceptAsync(Message(database, 2), CancellationToken.None);

        // bot-1 restarts with the same instance id while both leases still run.
        var restarted = await InboxOf(database, "bot-1").ClaimStrandedAsync(atStartup: true, CancellationToken.None);

        Assert.Equal("k1", Assert.Single(restarted).Message.MessageKey);
        Assert.Empty(await InboxOf(database, "bot-3").ClaimStrandedAsync(atStartup: false, CancellationToken.None));
    }
}
