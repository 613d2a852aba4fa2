using Bot.Connectors.Storage;
using Bot.Connectors.Storage.Tickets;
using Bot.Connectors.Tests.Storage.Migrations;
using Bot.Skills.Grid;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Connectors.Tests.Storage;

public sealed class DatabaseInitializerTests
{
    [Fact]
    public async Task StartAsync_FreshFile_AppliesEveryMigrationOnceAndEveryTableWorks()
    {
        using var database = new StorageTestDatabase(createSchema: false);

        await Initializer(database).StartAsync(CancellationToken.None);
        await Initializer(database).StartAsync(CancellationToken.None);

        await SchemaAssertions.AssertFullyMigratedAsync(database.Contexts);
        await SchemaAssertions.AssertEveryColumnExistsAsync(database.Contexts);
        await SchemaAssertions.AssertInboxAndTicketsWorkAsync(database.Contexts, database.Tickets);
    }

    [Fact]
    public async Task StartAsync_FreshFile_LogsEachAppliedMigrationOnlyWhenApplied()
    {
        using var database = new StorageTestDatabase(createSchema: false);
        var first = new ListLogger<DatabaseInitializer>();
        var second = new ListLogger<DatabaseInitializer>();

        await new DatabaseInitializer(database.Contexts, first).StartAsync(CancellationToken.None);
        await new DatabaseInitializer(database.Contexts, second).StartAsync(CancellationToken.None);

        await using var db = await database.Contexts.CreateDbContextAsync();
        await using var migrations = Bot.Connectors.Storage.Migrations.SchemaMigrator.ContextFor(db);
        Assert.Equal(migrations.Database.GetMigrations().Select(id => $"Applied schema migration {id}"), first.Messages);
        Assert.Empty(second.Messages);
    }

    [Fact]
    public async Task StartAsync_DatabaseFromBeforeMigrations_BaselinesAddsWhatIsMissingAndKeepsData()
    {
        using var database = new StorageTestDatabase(createSchema: true);
        var ticket = await database.Tickets.OpenAsync(SchemaAssertions.NewTicket(), CancellationToken.None);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            db.TicketCounters.Add(new TicketCounter { Year = 2025, Last = 7 });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync(SchemaAssertions.UndoLaterMigrations);
            await db.Database.ExecuteSqlRawAsync(
                "DROP TABLE resident_buildings; DROP TABLE person_buildings; DROP TABLE people; DROP TABLE buildings; DROP TABLE compounds;");
            await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_tickets_RespondedAtMs_State\";");
            await db.Database.ExecuteSqlRawAsync(
                "ALTER TABLE tickets DROP COLUMN \"AssigneeId\"; ALTER TABLE tickets DROP COLUMN \"Level\"; ALTER TABLE tickets DROP COLUMN \"RemindAtMs\"; " +
                "ALTER TABLE tickets DROP COLUMN \"ResponseDueAtMs\"; ALTER TABLE tickets DROP COLUMN \"RemindedAtMs\"; " +
                "ALTER TABLE tickets DROP COLUMN \"RespondedAtMs\"; ALTER TABLE tickets DROP COLUMN \"BreachedAtMs\";");
        }

        await Initializer(database).StartAsync(CancellationToken.None);
        await Initializer(database).StartAsync(CancellationToken.None);

        await SchemaAssertions.AssertFullyMigratedAsync(database.Contexts);
        await SchemaAssertions.AssertEveryColumnExistsAsync(database.Contexts);
        await using (var check = await database.Contexts.CreateDbContextAsync())
        {
            Assert.Equal(7, (await check.TicketCounters.SingleAsync(c => c.Year == 2025)).Last);
        }

        Assert.Equal("幸福里小区", (await database.Roster.UpsertCompoundAsync(new Compound(0, "幸福里小区", null), CancellationToken.None)).Name);
        var assignment = new Bot.Skills.Escalation.Assignment(5, Bot.Skills.Escalation.EscalationLevel.Compound, null, database.Clock.GetUtcNow().AddMinutes(15));
        var assigned = await database.Tickets.AssignAsync(ticket.Number, Bot.Skills.Complaints.Ledger.TicketState.Dispatched, assignment, "李四", "派单给 李四", CancellationToken.None);
        Assert.Equal((5L, Bot.Skills.Escalation.EscalationLevel.Compound), (assigned.AssigneeId, assigned.Level));
        Assert.Single(await database.Tickets.ListAwaitingResponseAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StartAsync_HistoryHasAMigrationThisBuildDoesNotKnow_RefusesNamingIt()
    {
        using var database = new StorageTestDatabase(createSchema: false);
        await Initializer(database).StartAsync(CancellationToken.None);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromANewerVersion', '99.0.0')");
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Initializer(database).StartAsync(CancellationToken.None));

        Assert.Contains("29991231000000_FromANewerVersion", refused.Message, StringComparison.Ordinal);
    }

    private static DatabaseInitializer Initializer(StorageTestDatabase database) =>
        new(database.Contexts, NullLogger<DatabaseInitializer>.Instance);
}
