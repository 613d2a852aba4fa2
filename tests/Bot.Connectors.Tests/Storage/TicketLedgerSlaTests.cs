using Bot.Connectors.Storage;
using Bot.Connectors.Storage.Tickets;
using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.Skills.Escalation;

namespace Bot.Connectors.Tests.Storage;

/// <summary>The SLA's writes on a real SQLite file, including two "hosts" (separate ledgers and write gates) racing.</summary>
public sealed class TicketLedgerSlaTests : IDisposable
{
    private readonly StorageTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private async Task<Ticket> DispatchedAsync()
    {
        var ticket = await _db.Tickets.OpenAsync(new NewTicket(
            new ResidentKey(Channels.WeChat, "u1"), new ComplaintAssessment(ComplaintCategories.Noise, Colour.Yellow, 0.9, "城管执法中队", [], null),
            "楼上装修", "幸福里小区3栋", null, "幸福里小区", null, [], "公众号"), CancellationToken.None);
        var now = _db.Clock.GetUtcNow();
        return await _db.Tickets.AssignAsync(ticket.Number, TicketState.Dispatched,
            new Assignment(1, EscalationLevel.Building, now.AddMinutes(12), now.AddMinutes(15)), "赵六", "派单给 赵六", CancellationToken.None);
    }

    [Fact]
    public async Task EscalateAsync_TwoHostsAtOnce_OnlyOneEscalates()
    {
        var seen = await DispatchedAsync();
        _db.Clock.Advance(TimeSpan.FromMinutes(16));
        var other = new TicketLedger(_db.Contexts, new DatabaseWriteGate(serialise: true), _db.Clock);
        var to = new Assignment(2, EscalationLevel.Compound, null, _db.Clock.GetUtcNow().AddMinutes(15));

        var results = await Task.WhenAll(
            Task.Run(() => _db.Tickets.EscalateAsync(seen, to, "超时未响应，升级至小区网格长 李四", "超时升级，派单给 李四", CancellationToken.None)),
            Task.Run(() => other.EscalateAsync(seen, to, "超时未响应，升级至小区网格长 李四", "超时升级，派单给 李四", CancellationToken.None)));

        var escalated = Assert.Single(results, r => r is not null)!;
        Assert.Equal((TicketState.Dispatched, EscalationLevel.Compound, 2L), (escalated.State, escalated.Level, escalated.AssigneeId));
        var history = await _db.Tickets.HistoryAsync(seen.Number, CancellationToken.None);
        var line = Assert.Single(history, h => h.To == TicketState.Escalated);
        Assert.Equal((TicketLedger.SystemActor, "超时未响应，升级至小区网格长 李四"), (line.Actor, line.Note));
        Assert.Equal(("超时升级，派单给 李四", TicketState.Dispatched), (history[^1].Note, history[^1].To));
    }

    [Fact]
    public async Task EscalateAsync_RespondedMeanwhile_ChangesNothing()
    {
        var seen = await DispatchedAsync();
        await _db.Tickets.RecordResponseAsync(seen.Number, CancellationToken.None);

        Assert.Null(await _db.Tickets.EscalateAsync(seen, new Assignment(2, EscalationLevel.Compound, null, null), "x", null, CancellationToken.None));
        Assert.Empty(await _db.Tickets.ListAwaitingResponseAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EscalateAsync_NoOneHigher_MarksBreachedOnceAndStopsWatching()
    {
        var seen = await DispatchedAsync();

        var breached = await _db.Tickets.EscalateAsync(seen, null, "超时未响应，无可升级人员", null, CancellationToken.None);

        Assert.Equal((TicketState.Dispatched, 1L), (breached!.State, breached.AssigneeId));
        Assert.NotNull(breached.BreachedAt);
        Assert.Null(await _db.Tickets.EscalateAsync(seen, null, "again", null, CancellationToken.None));
        Assert.Empty(await _db.Tickets.ListAwaitingResponseAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MarkRemindedAsync_OnlyOnceForAWindow()
    {
        var seen = await DispatchedAsync();

        Assert.False(await _db.Tickets.MarkRemindedAsync(seen.Number, seen.ResponseDueAt!.Value.AddMinutes(1), CancellationToken.None));
        Assert.True(await _db.Tickets.MarkRemindedAsync(seen.Number, seen.ResponseDueAt, CancellationToken.None));
        Assert.False(await _db.Tickets.MarkRemindedAsync(seen.Number, seen.ResponseDueAt, CancellationToken.None));
    }

    [Fact]
    public async Task RecordResponseAsync_KeepsTheFirstTime()
    {
        var seen = await DispatchedAsync();
        await _db.Tickets.RecordResponseAsync(seen.Number, CancellationToken.None);
        var first = _db.Clock.GetUtcNow();
        _db.Clock.Advance(TimeSpan.FromMinutes(5));
        await _db.Tickets.RecordResponseAsync(seen.Number, CancellationToken.None);

        Assert.Equal(first, (await _db.Tickets.FindAsync(seen.Number, CancellationToken.None))!.RespondedAt);
    }
}
