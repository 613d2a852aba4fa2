using System.Globalization;
using System.Text;
using Bot.Host.Security;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Escalation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Endpoints;

public static class TicketEndpoints
{
    /// <summary>The ledger for staff: list, one ticket with its history, transitions, and the quarterly lists.</summary>
    public static IEndpointRouteBuilder MapTickets(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tickets").AddEndpointFilter<AdminAuthorization>();
        api.MapGet("/", ListAsync);
        api.MapGet("/export", ExportAsync);
        api.MapGet("/metrics", MetricsAsync);
        api.MapGet("/{number}", GetAsync);
        api.MapPost("/{number}/transitions", TransitionAsync);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<TicketDto>>, ProblemHttpResult>> ListAsync(
        string? from, string? to, ITicketLedger ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryPeriod(from, to, clock.GetUtcNow(), out var start, out var end))
        {
            return Problem(StatusCodes.Status400BadRequest, "from/to 须为 yyyy-MM-dd 格式的日期，且 from 早于 to。");
        }

        var tickets = await ledger.ListAsync(start, end, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TicketDto>>(tickets.Select(TicketDto.From).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string? from, string? to, ITicketLedger ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TryPeriod(from, to, clock.GetUtcNow(), out var start, out var end))
        {
            return Problem(StatusCodes.Status400BadRequest, "from/to 须为 yyyy-MM-dd 格式的日期，且 from 早于 to。");
        }

        var csv = QuarterlyLists.ToCsv(await ledger.ListAsync(start, end, cancellationToken));
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(); // BOM: Excel reads UTF-8 Chinese
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"tickets-{start:yyyyMMdd}-{end:yyyyMMdd}.csv");
    }

    /// <summary>响应率 / 解决率 / 满意率 per grid (and in total) for tickets filed in the period.</summary>
    private static async Task<Results<Ok<IReadOnlyList<GridMetrics>>, ProblemHttpResult>> MetricsAsync(
        string? from, string? to, ITicketLedger ledger, SlaPolicy sla, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!TryPeriod(from, to, now, out var start, out var end))
        {
            return Problem(StatusCodes.Status400BadRequest, "from/to 须为 yyyy-MM-dd 格式的日期，且 from 早于 to。");
        }

        var tickets = await ledger.ListAsync(start, end, cancellationToken);
        var histories = await ledger.HistoriesAsync(start, end, cancellationToken);
        var metrics = LedgerMetrics.Compute(tickets.Select(t => (t, histories.GetValueOrDefault(t.Number) ?? [])), sla.PromisedBy, now);
        return TypedResults.Ok(metrics);
    }

    private static async Task<Results<Ok<TicketDetailDto>, ProblemHttpResult>> GetAsync(string number, ITicketLedger ledger, CancellationToken cancellationToken)
    {
        var ticket = await ledger.FindAsync(number, cancellationToken);
        if (ticket is null)
        {
            return Problem(StatusCodes.Status404NotFound, $"没有工单 {number}。");
        }

        var history = await ledger.HistoryAsync(number, cancellationToken);
        return TypedResults.Ok(new TicketDetailDto(TicketDto.From(ticket), history
            .Select(h => new TicketHistoryDto(h.At, h.Actor, h.From is { } f ? TicketStateCodes.Code(f) : null, TicketStateCodes.Code(h.To), h.Note)).ToList()));
    }

    private static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> TransitionAsync(
        string number, TicketTransitionRequest? request, ITicketLedger ledger, TicketFollowUp followUp, CancellationToken cancellationToken)
    {
        if (request is null || !TicketStateCodes.TryParse(request.To, out var to) || string.IsNullOrWhiteSpace(request.Actor))
        {
            return Problem(StatusCodes.Status400BadRequest, "需要 to（如 dispatched、in_progress、resolved、closed）和 actor。");
        }

        try
        {
            var note = request.Note?.Trim() ?? string.Empty;

            // Reporting a ticket resolved starts the follow-up: the resident is asked for a rating.
            var ticket = to == TicketState.Resolved
                ? await followUp.ResolveAsync(number, request.Actor.Trim(), note, cancellationToken)
                : await ledger.TransitionAsync(number, to, request.Actor.Trim(), note, cancellationToken);
            return TypedResults.Ok(TicketDto.From(ticket));
        }
        catch (KeyNotFoundException)
        {
            return Problem(StatusCodes.Status404NotFound, $"没有工单 {number}。");
        }
        catch (InvalidTicketTransitionException ex)
        {
            return Problem(StatusCodes.Status409Conflict, ex.Message);
        }
    }

    /// <summary>Dates are China Standard Time days; the default period is the last 90 days.</summary>
    private static bool TryPeriod(string? from, string? to, DateTimeOffset now, out DateTimeOffset start, out DateTimeOffset end)
    {
        var china = TimeSpan.FromHours(8);
        start = now.AddDays(-90);
        end = now.AddSeconds(1);
        if (from is not null && !TryDay(from, china, out start))
        {
            return false;
        }

        if (to is not null && !TryDay(to, china, out end))
        {
            return false;
        }

        return start < end;
    }

    private static bool TryDay(string text, TimeSpan offset, out DateTimeOffset day)
    {
        var ok = DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        day = ok ? new DateTimeOffset(date, offset) : default;
        return ok;
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(title: "工单操作失败", detail: detail, statusCode: status);
}
