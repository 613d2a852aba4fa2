using Bot.Connectors.Storage;
using Bot.Connectors.Storage.Tickets;
using Bot.Skills.Grid;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Tests.Storage;

public sealed class DatabaseInitializerTests : IDisposable
{
    private readonly StorageTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task StartAsync_DatabaseFromBeforeTheRoster_AddsRosterTablesAndKeepsData()
    {
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            db.TicketCounters.Add(new TicketCounter { Year = 2026, Last = 7 });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync(
                "DROP TABLE resident_buildings; DROP TABLE person_buildings; DROP TABLE people; DROP TABLE buildings; DROP TABLE compounds;");
        }

        await new DatabaseInitializer(_database.Contexts).StartAsync(CancellationToken.None);
        await new DatabaseInitializer(_database.Contexts).StartAsync(CancellationToken.None);

        var compound = await _database.Roster.UpsertCompoundAsync(new Compound(0, "幸福里小区", null), CancellationToken.None);
        Assert.Equal("幸福里小区", compound.Name);
        await using var check = await _database.Contexts.CreateDbContextAsync();
        Assert.Equal(7, (await check.TicketCounters.SingleAsync()).Last);
    }
}
