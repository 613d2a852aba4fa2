using Bot.Connectors.Storage;
using Bot.Connectors.Storage.Tickets;
using Bot.Connectors.Tests.Storage.Migrations;
using Bot.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Tests.Storage.Postgres;

/// <summary>Schema migration on PostgreSQL: concurrent hosts, pre-migration databases, newer databases.</summary>
public sealed class PostgresDatabaseInitializerTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task StartAsync_FourHostsOnOneEmptyDatabaseAtOnce_AllSucceedAndEachMigrationIsAppliedOnce()
    {
        var database = await PostgresTestDatabase.CreateAsync(server, initialise: false);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => database.Initializer().StartAsync(CancellationToken.None))));

        await SchemaAssertions.AssertFullyMigratedAsync(database.Contexts());
        await SchemaAssertions.AssertEveryColumnExistsAsync(database.Contexts());
        await SchemaAssertions.AssertInboxAndTicketsWorkAsync(database.Contexts(), Ledger(database));
    }

    [Fact]
    public async Task StartAsync_DatabaseFromBeforeMigrations_BaselinesAddsWhatIsMissingAndKeepsData()
    {
        var database = await PostgresTestDatabase.CreateAsync(server, initialise: false);
        await using (var db = await database.Contexts().CreateDbContextAsync())
        {
            // The schema exactly as hosts made it before migrations existed.
            await db.Database.EnsureCreatedAsync();
            db.TicketCounters.Add(new TicketCounter { Year = 2026, Last = 7 });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync(SchemaAssertions.UndoLaterMigrations);
            await db.Database.ExecuteSqlRawAsync(
                "DROP TABLE resident_buildings; DROP TABLE person_buildings; DROP TABLE people; " +
                "ALTER TABLE tickets DROP COLUMN \"RespondedAtMs\"; ALTER TABLE council_sessions DROP COLUMN \"Cancelled\";");
        }

        await database.Initializer().StartAsync(CancellationToken.None);
        await database.Initializer().StartAsync(CancellationToken.None);

        await SchemaAssertions.AssertFullyMigratedAsync(database.Contexts());
        await SchemaAssertions.AssertEveryColumnExistsAsync(database.Contexts());
        await using var check = await database.Contexts().CreateDbContextAsync();
        Assert.Equal(7, (await check.TicketCounters.SingleAsync()).Last);
        Assert.Equal(0, await check.People.CountAsync());
        var roster = new Bot.Connectors.Storage.Grid.GridRoster(database.Contexts(), PostgresTestDatabase.Gate, database.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Bot.Connectors.Storage.Grid.GridRoster>.Instance);
        Assert.Equal("幸福里小区", (await roster.UpsertCompoundAsync(new Bot.Skills.Grid.Compound(0, "幸福里小区", null), CancellationToken.None)).Name);
    }

    [Fact]
    public async Task StartAsync_HistoryHasAMigrationThisBuildDoesNotKnow_RefusesNamingIt()
    {
        var database = await PostgresTestDatabase.CreateAsync(server);
        await using (var db = await database.Contexts().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromANewerVersion', '99.0.0')");
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => database.Initializer().StartAsync(CancellationToken.None));

        Assert.Contains("29991231000000_FromANewerVersion", refused.Message, StringComparison.Ordinal);
    }

    private static TicketLedger Ledger(PostgresTestDatabase database) => new(database.Contexts(), PostgresTestDatabase.Gate, database.Clock);
}
