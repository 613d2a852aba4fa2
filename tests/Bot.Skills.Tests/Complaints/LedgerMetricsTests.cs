using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;

namespace Bot.Skills.Tests.Complaints;

public sealed class LedgerMetricsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static (Ticket, IReadOnlyList<TicketHistoryEntry>) Case(string grid, string category, Colour colour, int? rating, TicketState state, params (int Minutes, TicketState To, string Note)[] steps)
    {
        var ticket = new Ticket("n", new ResidentKey("t", "r"), category, colour, "d", "x", null, null, grid, null, [], state, "o", T0, T0, rating, null);
        var history = new List<TicketHistoryEntry> { new(T0, "居民", null, TicketState.Accepted, "问题入账") };
        history.AddRange(steps.Select(s => new TicketHistoryEntry(T0.AddMinutes(s.Minutes), "张三", null, s.To, s.Note)));
        return (ticket, history);
    }

    [Fact]
    public void Compute_PerGridAndTotal()
    {
        var now = T0.AddDays(3);
        var metrics = LedgerMetrics.Compute(
        [
            // Answered in 10 minutes, closed after follow-up, rated 5.
            Case("幸福里小区", ComplaintCategories.Noise, Colour.Yellow, 5, TicketState.Closed,
                (1, TicketState.Dispatched, "派单给 张三"), (10, TicketState.InProgress, "接单"), (60, TicketState.Resolved, "已处理"),
                (61, TicketState.FollowUp, "已请居民评价"), (90, TicketState.Closed, "居民评价后办结")),
            // Only dispatched, never answered: late.
            Case("幸福里小区", ComplaintCategories.Parking, Colour.Yellow, null, TicketState.Dispatched, (1, TicketState.Dispatched, "派单给 张三")),
            // A department matter answered by a reply note after 20 hours: in time (24 h); rated 2.
            Case("阳光花园", ComplaintCategories.IllegalConstruction, Colour.Yellow, 2, TicketState.InProgress,
                (20 * 60, TicketState.Dispatched, "回复居民：已转城管")),
        ], t => t.CreatedAt + (t.Category is ComplaintCategories.Noise or ComplaintCategories.Parking ? TimeSpan.FromMinutes(15) : TimeSpan.FromHours(24)), now);

        Assert.Equal(["幸福里小区", "阳光花园", "全部"], metrics.Select(m => m.Grid));
        var happy = metrics.Single(m => m.Grid == "幸福里小区");
        Assert.Equal((2, 2, 1, 1, 0.5, 0.5, 1.0), (happy.Tickets, happy.Due, happy.RespondedInTime, happy.Solved, happy.ResponseRate!.Value, happy.ResolutionRate!.Value, happy.SatisfactionRate!.Value));
        var total = metrics[^1];
        Assert.Equal(("全部", 3, 3, 2, 1, 2, 1), (total.Grid, total.Tickets, total.Due, total.RespondedInTime, total.Solved, total.Rated, total.Satisfied));
    }

    [Fact]
    public void Compute_NotYetDue_DoesNotLowerTheRate()
    {
        var metrics = LedgerMetrics.Compute([Case("g", ComplaintCategories.Noise, Colour.Yellow, null, TicketState.Accepted)], t => t.CreatedAt.AddMinutes(15), T0.AddMinutes(5));

        Assert.Equal((1, 0), (metrics[^1].Tickets, metrics[^1].Due));
        Assert.Null(metrics[^1].ResponseRate);
        Assert.Null(metrics[^1].SatisfactionRate);
    }
}
