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

    [Fact]
    public async Task StartAsync_TicketsFromBeforeTheSla_AddsColumnsAndKeepsRows()
    {
        var ticket = await _database.Tickets.OpenAsync(TicketLedgerTestsNew(), CancellationToken.None);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_tickets_RespondedAtMs_State\";");
            await db.Database.ExecuteSqlRawAsync(
                "ALTER TABLE tickets DROP COLUMN \"AssigneeId\"; ALTER TABLE tickets DROP COLUMN \"Level\"; ALTER TABLE tickets DROP COLUMN \"RemindAtMs\"; " +
                "ALTER TABLE tickets DROP COLUMN \"ResponseDueAtMs\"; ALTER TABLE tickets DROP COLUMN \"RemindedAtMs\"; " +
                "ALTER TABLE tickets DROP COLUMN \"RespondedAtMs\"; ALTER TABLE tickets DROP COLUMN \"BreachedAtMs\";");
        }

        await new DatabaseInitializer(_database.Contexts).StartAsync(CancellationToken.None);

        var assignment = new Bot.Skills.Escalation.Assignment(5, Bot.Skills.Escalation.EscalationLevel.Compound, null, _database.Clock.GetUtcNow().AddMinutes(15));
        var assigned = await _database.Tickets.AssignAsync(ticket.Number, Bot.Skills.Complaints.Ledger.TicketState.Dispatched, assignment, "李四", "派单给 李四", CancellationToken.None);
        Assert.Equal((5L, Bot.Skills.Escalation.EscalationLevel.Compound), (assigned.AssigneeId, assigned.Level));
        Assert.Single(await _database.Tickets.ListAwaitingResponseAsync(CancellationToken.None));
    }

    private static Bot.Skills.Complaints.Ledger.NewTicket TicketLedgerTestsNew() => new(
        new Bot.Skills.Engine.ResidentKey("wechat", "u1"),
        new Bot.Skills.Complaints.ComplaintAssessment(Bot.Skills.Complaints.ComplaintCategories.Noise, Bot.Skills.Complaints.Colour.Yellow, 0.9, "城管执法中队", [], null),
        "楼上装修", "幸福里小区3栋", null, "幸福里小区", null, [], "公众号");
}
