using Bot.Connectors.Cluster;
using Bot.Connectors.Storage;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Engine;
using Bot.TestSupport.WeChat;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Host.Tests.Workers;

/// <summary>A running host finishes messages another host accepted and then abandoned (its lease lapsed).</summary>
public sealed class InboxSweepTests : WeChatApiTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Sweep_MessageAbandonedByAnotherHost_TakenOverAfterItsLeaseAndAnsweredOnce()
    {
        using var host = new BotHostFactory(Api.BaseUrl)
            .With("Inbox:LeaseSeconds", "30").With("Inbox:RecoverySweepSeconds", "5").With("Cluster:InstanceId", "bot-1");
        _ = host.Server;

        // "bot-2" stores a message on the shared database and dies before its turn runs.
        var dead = new InboxStore(
            host.Services.GetRequiredService<IDbContextFactory<BotDbContext>>(),
            host.Services.GetRequiredService<DatabaseWriteGate>(),
            new InstanceIdentity(Options.Create(new ClusterOptions { InstanceId = "bot-2" })),
            host.Services.GetRequiredService<IOptions<InboxOptions>>(),
            host.Clock);
        var message = new InboundMessage(Channels.WeChat, "o-orphan", "wx:o-orphan:1", InboundKind.Text, host.Clock.GetUtcNow(), "你好");
        Assert.NotNull(await dead.AcceptAsync(message, CancellationToken.None));

        // Sweeps within the lease leave it alone; the first sweep after it takes it over.
        for (var elapsed = 0; elapsed < 25; elapsed += 5)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal("bot-2", await OwnerAsync(host));
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        await Api.WaitForCustomSendsAsync(1, Wait);

        Assert.Equal("bot-1", await OwnerAsync(host));
        Assert.Equal(InboxStatus.Processed, await host.QueryAsync(db => db.Inbox.Where(m => m.UserId == "o-orphan").Select(m => m.Status).SingleAsync()));
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("o-orphan", Assert.Single(Api.CustomSends).OpenId);
    }

    private static Task<string?> OwnerAsync(BotHostFactory host) =>
        host.QueryAsync(db => db.Inbox.Where(m => m.UserId == "o-orphan").Select(m => m.OwnerId).SingleAsync());
}
