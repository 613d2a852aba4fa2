using Bot.Connectors.Outbox;
using Bot.Connectors.Storage;
using Bot.Connectors.Storage.Prompts;
using Bot.Connectors.Storage.Tickets;
using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Tests.Storage.Postgres;

/// <summary>The stores whose guarantees rest on raw SQL, against a real PostgreSQL.</summary>
public sealed class PostgresStoreTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task SendOnceAsync_TwentyConcurrentFiringsOnTwoHosts_QueuedOnce()
    {
        var database = await PostgresTestDatabase.CreateAsync(server);
        var hosts = new[] { database.Contexts(), database.Contexts() }
            .Select(c => new ReminderOutbox(c, PostgresTestDatabase.Gate, new OutboxSignal(), database.Clock)).ToArray();
        (ResidentKey, Reply)[] messages = [(new ResidentKey(Channels.Simulator, "r1"), Reply.FromText("提醒")), (new ResidentKey("wecom-app", "med"), Reply.FromText("提醒"))];

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => hosts[i % 2].SendOnceAsync("B2026-00001:DayBefore:1", messages, CancellationToken.None))));

        Assert.Single(results, r => r);
        var outbox = new OutboxStore(database.Contexts(), PostgresTestDatabase.Gate, database.Clock);
        Assert.Equal(2, (await outbox.ClaimDueAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task PromptVersionStore_SaveAndActivate_ActiveVersionFollows()
    {
        var database = await PostgresTestDatabase.CreateAsync(server);
        var store = new PromptVersionStore(database.Contexts(), PostgresTestDatabase.Gate, database.Clock);

        Assert.Equal(1, await store.AddAsync("classify", "第一版", "管理员", "初稿", activate: true, CancellationToken.None));
        Assert.Equal(2, await store.AddAsync("classify", "第二版", "管理员", null, activate: false, CancellationToken.None));
        Assert.Equal(new ActivePrompt(1, "第一版"), await store.GetActiveAsync("classify", CancellationToken.None));

        Assert.True(await store.ActivateAsync("classify", 2, "管理员", CancellationToken.None));
        Assert.False(await store.ActivateAsync("classify", 7, "管理员", CancellationToken.None));

        Assert.Equal(new ActivePrompt(2, "第二版"), await store.GetActiveAsync("classify", CancellationToken.None));
        Assert.Equal([1, 2], (await store.ListAsync("classify", CancellationToken.None)).Select(v => v.Version));
        Assert.Equal(new PromptVersionSummary(2, 2), (await store.SummarizeAsync(CancellationToken.None))["classify"]);
        Assert.True(await store.ActivateAsync("classify", 0, "管理员", CancellationToken.None));
        Assert.Equal(new ActivePrompt(0, null), await store.GetActiveAsync("classify", CancellationToken.None));
    }

    [Fact]
    public async Task WeComMessageLog_SameKeyOnTwoHosts_RegisteredOnce()
    {
        var database = await PostgresTestDatabase.CreateAsync(server);
        var hosts = new[] { database.Contexts(), database.Contexts() }
            .Select(c => new WeComMessageLogStore(c, PostgresTestDatabase.Gate, database.Clock)).ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => hosts[i % 2].TryRegisterAsync("msg-1", CancellationToken.None))));

        Assert.Single(results, r => r);
        await hosts[1].ForgetAsync("msg-1", CancellationToken.None);
        Assert.True(await hosts[0].TryRegisterAsync("msg-1", CancellationToken.None));
    }

    [Fact]
    public async Task TicketLedger_ConcurrentOpensOnTwoHosts_NumbersUnique()
    {
        var database = await PostgresTestDatabase.CreateAsync(server);
        var ledgers = new[] { database.Contexts(), database.Contexts() }
            .Select(c => new TicketLedger(c, PostgresTestDatabase.Gate, database.Clock)).ToArray();
        var assessment = new ComplaintAssessment(ComplaintCategories.Noise, Colour.Yellow, 0.9, "城管执法中队", ["夜间噪声"], null);

        var tickets = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => ledgers[i % 2].OpenAsync(
            new NewTicket(new ResidentKey(Channels.Simulator, $"r{i}"), assessment, $"楼上装修 {i}", null, null, null, null, [], "text"), CancellationToken.None))));

        Assert.Equal(30, tickets.Select(t => t.Number).Distinct().Count());
        Assert.Contains(tickets, t => t.Number == "2026-000030");
    }

    [Fact]
    public async Task IsUniqueViolation_DuplicateKeyOnPostgres_True()
    {
        var database = await PostgresTestDatabase.CreateAsync(server);
        await using var db = await database.Contexts().CreateDbContextAsync();
        db.Add(new SentNoticeRow { Key = "k", SentAtMs = 1 });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        db.Add(new SentNoticeRow { Key = "k", SentAtMs = 2 });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.True(DbErrors.IsUniqueViolation(error));
        Assert.False(DbErrors.IsUniqueViolation(new InvalidOperationException("x")));
    }

    [Fact]
    public async Task ClaimDueAsync_TwoHostsClaimingAtOnce_EachRowClaimedOnce()
    {
        var database = await PostgresTestDatabase.CreateAsync(server);
        var outboxes = new[] { database.Contexts(), database.Contexts() }
            .Select(c => new OutboxStore(c, PostgresTestDatabase.Gate, database.Clock)).ToArray();
        for (var i = 0; i < 40; i++)
        {
            await outboxes[0].EnqueueAsync(new ResidentKey(Channels.Simulator, $"r{i}"), Reply.FromText("回复"), CancellationToken.None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => outboxes[i % 2].ClaimDueAsync(40, TimeSpan.FromMinutes(1), CancellationToken.None))));

        var ids = claims.SelectMany(c => c).Select(item => item.Id).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(40, ids.Distinct().Count());
    }
}
