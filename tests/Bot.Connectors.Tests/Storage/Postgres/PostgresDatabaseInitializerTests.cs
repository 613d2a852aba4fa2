using Bot.Connectors.Storage;
using Bot.Connectors.Storage.Tickets;
using Bot.TestSupport.Postgres;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Tests.Storage.Postgres;

/// <summary>Schema creation on PostgreSQL: concurrent hosts, and databases made before a feature added its tables.</summary>
public sealed class PostgresDatabaseInitializerTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task StartAsync_FourHostsOnOneEmptyDatabaseAtOnce_AllSucceed()
    {
        var database = await PostgresTestDatabase.CreateAsync(server, initialise: false);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new DatabaseInitializer(database.Contexts()).StartAsync(CancellationToken.None))));

        await using var db = await database.Contexts().CreateDbContextAsync();
        Assert.Equal(0, await db.Tickets.CountAsync());
    }

    [Fact]
    public async Task StartAsync_DatabaseFromBeforeFeatures_AddsTablesAndColumnsAndKeepsData()
    {
        var database = await PostgresTestDatabase.CreateAsync(server);
        await using (var db = await database.Contexts().CreateDbContextAsync())
        {
            db.TicketCounters.Add(new TicketCounter { Year = 2026, Last = 7 });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync(
                "DROP TABLE resident_buildings; DROP TABLE person_buildings; DROP TABLE people; " +
                "ALTER TABLE tickets DROP COLUMN \"RespondedAtMs\"; ALTER TABLE council_sessions DROP COLUMN \"Cancelled\";");
        }

        await new DatabaseInitializer(database.Contexts()).StartAsync(CancellationToken.None);
        await new DatabaseInitializer(database.Contexts()).StartAsync(CancellationToken.None);

        await using var check = await database.Contexts().CreateDbContextAsync();
        Assert.Equal(7, (await check.TicketCounters.SingleAsync()).Last);
        Assert.Equal(0, await check.People.CountAsync());
        Assert.Equal(0, await check.Tickets.CountAsync(t => t.RespondedAtMs == null));
        var roster = new Bot.Connectors.Storage.Grid.GridRoster(database.Contexts(), PostgresTestDatabase.Gate, database.Clock,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Bot.Connectors.Storage.Grid.GridRoster>.Instance);
        Assert.Equal("幸福里小区", (await roster.UpsertCompoundAsync(new Bot.Skills.Grid.Compound(0, "幸福里小区", null), CancellationToken.None)).Name);
    }
}
