using Bot.Connectors.Storage;
using Bot.Connectors.Storage.Migrations;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Tests.Storage.Migrations;

/// <summary>What a migrated database must look like, on either provider.</summary>
internal static class SchemaAssertions
{
    /// <summary>
    /// Removes from a database EnsureCreated made today what migrations after InitialCreate added, so it has the
    /// shape hosts left before migrations existed (the baseline must not add those, their migrations will).
    /// </summary>
    public const string UndoLaterMigrations =
        "DROP INDEX \"IX_inbox_Status_LeaseUntilMs\"; ALTER TABLE inbox DROP COLUMN \"OwnerId\"; ALTER TABLE inbox DROP COLUMN \"LeaseUntilMs\";";

    /// <summary>The history holds each of this build's migrations exactly once, in order, and nothing else.</summary>
    public static async Task AssertFullyMigratedAsync(IDbContextFactory<BotDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await using var migrations = SchemaMigrator.ContextFor(db);
        var known = migrations.Database.GetMigrations().ToList();
        Assert.NotEmpty(known);
        var rows = await migrations.Database
            .SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"")
            .ToListAsync();
        Assert.Equal(known, rows);
    }

    /// <summary>Every table of the model exists with every column of the model.</summary>
    public static async Task AssertEveryColumnExistsAsync(IDbContextFactory<BotDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
            var existing = await DatabaseInitializer.ColumnsOfAsync(db, table, CancellationToken.None);
            foreach (var column in entity.GetProperties().Select(p => p.GetColumnName(store)).OfType<string>())
            {
                Assert.True(existing.Contains(column), $"{table}.{column} is missing");
            }
        }
    }

    /// <summary>An inbox row and a ticket round-trip through the migrated schema.</summary>
    public static async Task AssertInboxAndTicketsWorkAsync(IDbContextFactory<BotDbContext> contexts, Bot.Connectors.Storage.Tickets.TicketLedger tickets)
    {
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Inbox.Add(new InboxMessage { Channel = "wechat", UserId = "u1", MessageKey = "m1", Payload = "{}", ReceivedAtMs = 1 });
            await db.SaveChangesAsync();
        }

        var opened = await tickets.OpenAsync(NewTicket(), CancellationToken.None);
        await using var check = await contexts.CreateDbContextAsync();
        Assert.Equal("m1", (await check.Inbox.SingleAsync(m => m.Channel == "wechat" && m.UserId == "u1")).MessageKey);
        Assert.Equal("楼上装修", (await tickets.FindAsync(opened.Number, CancellationToken.None))!.Text);
    }

    public static Bot.Skills.Complaints.Ledger.NewTicket NewTicket() => new(
        new Bot.Skills.Engine.ResidentKey("wechat", "u1"),
        new Bot.Skills.Complaints.ComplaintAssessment(Bot.Skills.Complaints.ComplaintCategories.Noise, Bot.Skills.Complaints.Colour.Yellow, 0.9, "城管执法中队", [], null),
        "楼上装修", "幸福里小区3栋", null, "幸福里小区", null, [], "公众号");
}
