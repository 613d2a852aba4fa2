namespace Bot.Skills.Complaints.Ledger;

/// <summary>One grid's figures for a period: 响应率, 解决率, 满意率 and their counts.</summary>
/// <param name="ResponseRate">Share of tickets answered within their promise (the SLA's first-response window), of those due.</param>
/// <param name="ResolutionRate">Share of tickets closed as solved (after follow-up, not closed as returned).</param>
/// <param name="SatisfactionRate">Share of ratings of 4 or 5, of the rated tickets.</param>
public sealed record GridMetrics(
    string Grid, int Tickets, int Due, int RespondedInTime, int Solved, int Rated, int Satisfied,
    double? ResponseRate, double? ResolutionRate, double? SatisfactionRate);

/// <summary>
/// Computes the ledger's figures. A response is the first handler action after filing (接单, 办结, 退回, 升级 or a
/// reply to the resident); dispatching alone is not one. A ticket not yet answered counts only once its promise
/// has passed, so a ticket filed a minute ago does not lower the rate.
/// </summary>
public static class LedgerMetrics
{
    /// <param name="promisedBy">When a ticket's first response was due (the SLA policy's window from filing).</param>
    public static IReadOnlyList<GridMetrics> Compute(
        IEnumerable<(Ticket Ticket, IReadOnlyList<TicketHistoryEntry> History)> tickets, Func<Ticket, DateTimeOffset> promisedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(promisedBy);
        var rows = tickets.Select(t => Measure(t.Ticket, t.History, promisedBy(t.Ticket), now)).ToList();
        var perGrid = rows.GroupBy(r => r.Grid, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Sum(g.Key, g));
        return [.. perGrid, Sum("全部", rows)];
    }

    private static Measured Measure(Ticket ticket, IReadOnlyList<TicketHistoryEntry> history, DateTimeOffset deadline, DateTimeOffset now)
    {
        var response = history.FirstOrDefault(IsResponse)?.At;
        var due = response is not null || now > deadline;
        var solved = ticket.State == TicketState.Closed && history.Any(h => h.To == TicketState.FollowUp);
        return new Measured(ticket.Grid ?? "未分网格", due, response is { } at && at <= deadline, solved, ticket.Rating);
    }

    private static bool IsResponse(TicketHistoryEntry entry) =>
        entry.To is TicketState.InProgress or TicketState.Resolved or TicketState.Returned or TicketState.Escalated
        || entry.Note.StartsWith("回复居民", StringComparison.Ordinal);

    private static GridMetrics Sum(string grid, IEnumerable<Measured> rows)
    {
        var list = rows.ToList();
        int due = list.Count(r => r.Due), inTime = list.Count(r => r.InTime), solved = list.Count(r => r.Solved);
        int rated = list.Count(r => r.Rating is not null), satisfied = list.Count(r => r.Rating >= 4);
        return new GridMetrics(grid, list.Count, due, inTime, solved, rated, satisfied,
            Rate(inTime, due), Rate(solved, list.Count), Rate(satisfied, rated));
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private sealed record Measured(string Grid, bool Due, bool InTime, bool Solved, int? Rating);
}
