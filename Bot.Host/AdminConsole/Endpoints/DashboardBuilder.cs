using Bot.Host.AdminConsole.Auth;
using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Escalation;

namespace Bot.Host.AdminConsole.Endpoints;

/// <summary>The dashboard's figures from the ledger, for what the user's scope sees.</summary>
public sealed class DashboardBuilder(ITicketLedger ledger, SlaPolicy sla, TimeProvider clock)
{
    private const int Weeks = 8;

    public async Task<DashboardDto> BuildAsync(string period, DateTimeOffset from, DateTimeOffset to, ConsoleGridScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = clock.GetUtcNow();
        var tickets = (await ledger.ListAsync(from, to, cancellationToken)).Where(scope.Sees).ToList();
        var histories = await ledger.HistoriesAsync(from, to, cancellationToken);
        var metrics = LedgerMetrics.Compute(tickets.Select(t => (t, histories.GetValueOrDefault(t.Number) ?? [])), sla.PromisedBy, now);
        return new DashboardDto(
            period, from, to, tickets.Count,
            Count(tickets, t => t.Category, ComplaintCategories.ChineseName),
            Count(tickets, t => t.Colour.Code(), code => Colours.TryParse(code, out var c) ? c.ChineseName() : code),
            Count(tickets, t => Bot.Host.Endpoints.TicketStateCodes.Code(t.State), code => Bot.Host.Endpoints.TicketStateCodes.TryParse(code, out var s) ? s.ChineseName() : code),
            metrics, Breaches(tickets, now), await WeeksAsync(scope, now, cancellationToken));
    }

    private static List<CountDto> Count(IEnumerable<Ticket> tickets, Func<Ticket, string> key, Func<string, string> name) =>
        tickets.GroupBy(key, StringComparer.Ordinal).Select(g => new CountDto(g.Key, name(g.Key), g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();

    /// <summary>SLA breaches: escalated, breached at the top, or past the first-response window with no response.</summary>
    private static List<BreachDto> Breaches(IEnumerable<Ticket> tickets, DateTimeOffset now) =>
        tickets.Select(t => (Ticket: t, Kind: Kind(t, now))).Where(x => x.Kind is not null)
            .OrderByDescending(x => x.Ticket.CreatedAt).Take(50)
            .Select(x => new BreachDto(x.Ticket.Number, ComplaintCategories.ChineseName(x.Ticket.Category), x.Ticket.Colour.Code(), x.Ticket.Grid,
                x.Ticket.State.ChineseName(), x.Kind!, x.Ticket.ResponseDueAt)).ToList();

    private static string? Kind(Ticket t, DateTimeOffset now) =>
        t.BreachedAt is not null ? "超时（已无更高层级）"
        : t.State == TicketState.Escalated || t.Level > EscalationLevel.Building ? "超时升级"
        : t.RespondedAt is null && t.ResponseDueAt < now && t.State is not (TicketState.Closed or TicketState.Resolved or TicketState.FollowUp) ? "逾期未响应"
        : null;

    private async Task<List<WeekDto>> WeeksAsync(ConsoleGridScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var thisWeek = new DateTimeOffset(ConsolePeriods.WeekStart(now.ToOffset(ConsolePeriods.China).Date), ConsolePeriods.China);
        var first = thisWeek.AddDays(-7 * (Weeks - 1));
        var tickets = (await ledger.ListAsync(first, now.AddSeconds(1), cancellationToken)).Where(scope.Sees).ToList();
        return Enumerable.Range(0, Weeks).Select(i =>
        {
            var start = first.AddDays(7 * i);
            var end = start.AddDays(7);
            return new WeekDto(start.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture), start,
                tickets.Count(t => t.CreatedAt >= start && t.CreatedAt < end),
                tickets.Count(t => t.State == TicketState.Closed && t.UpdatedAt >= start && t.UpdatedAt < end));
        }).ToList();
    }
}
