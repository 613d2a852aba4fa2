using System.Text;
using Bot.Host.AdminConsole.Auth;
using Bot.Host.Endpoints;
using Bot.Host.Security;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Grid;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.AdminConsole.Endpoints;

/// <summary>The console's ledger API: dashboard, filtered list, ticket with history, actions and the quarterly CSV — per grid scope.</summary>
public static class ConsoleTicketEndpoints
{
    public static IEndpointRouteBuilder MapConsoleTickets(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/console").AddEndpointFilter<AdminAuthorization>();
        api.MapGet("/dashboard", DashboardAsync);
        api.MapGet("/tickets", ListAsync);
        api.MapGet("/tickets/export", ExportAsync);
        api.MapGet("/tickets/{number}", GetAsync);
        api.MapPost("/tickets/{number}/{action}", ActAsync);
        return app;
    }

    private static async Task<Results<Ok<DashboardDto>, ProblemHttpResult>> DashboardAsync(
        string? period, HttpContext http, DashboardBuilder dashboard, IGridRoster roster, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ConsolePeriods.TryResolve(period, clock.GetUtcNow(), out var from, out var to))
        {
            return Problem(StatusCodes.Status400BadRequest, "period 须为 week、month、quarter、year 或 2026Q4 这样的季度。");
        }

        var scope = await ConsoleGridScope.ForAsync(ConsoleUser.Current(http), roster, cancellationToken);
        return TypedResults.Ok(await dashboard.BuildAsync(period ?? "quarter", from, to, scope, cancellationToken));
    }

    private static async Task<Results<Ok<TicketPageDto>, ProblemHttpResult>> ListAsync(
        [AsParameters] ConsoleTicketQuery query, HttpContext http, ITicketLedger ledger, IGridRoster roster, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!query.TryRange(clock.GetUtcNow(), out var from, out var to))
        {
            return Problem(StatusCodes.Status400BadRequest, "from/to 须为 yyyy-MM-dd 格式的日期，且 from 不晚于 to。");
        }

        var scope = await ConsoleGridScope.ForAsync(ConsoleUser.Current(http), roster, cancellationToken);
        var tickets = await ledger.ListAsync(from, to, cancellationToken);
        return TypedResults.Ok(query.ToPage(tickets.Where(t => scope.Sees(t) && query.Matches(t)).ToList()));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string? quarter, HttpContext http, ITicketLedger ledger, IGridRoster roster, CancellationToken cancellationToken)
    {
        if (!ConsolePeriods.TryQuarter(quarter, out var from, out var to))
        {
            return Problem(StatusCodes.Status400BadRequest, "quarter 须为 2026Q4 这样的季度。");
        }

        var scope = await ConsoleGridScope.ForAsync(ConsoleUser.Current(http), roster, cancellationToken);
        var csv = QuarterlyLists.ToCsv((await ledger.ListAsync(from, to, cancellationToken)).Where(scope.Sees).ToList());
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(); // BOM: Excel reads UTF-8 Chinese
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"民生实事账本-{quarter!.ToUpperInvariant()}.csv");
    }

    private static async Task<Results<Ok<TicketDetailDto>, ProblemHttpResult>> GetAsync(
        string number, HttpContext http, ITicketLedger ledger, IGridRoster roster, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(number, http, ledger, roster, cancellationToken) is not { } ticket)
        {
            return Problem(StatusCodes.Status404NotFound, $"没有工单 {number}。");
        }

        var history = await ledger.HistoryAsync(number, cancellationToken);
        return TypedResults.Ok(new TicketDetailDto(TicketDto.From(ticket), history
            .Select(h => new TicketHistoryDto(h.At, h.Actor, h.From is { } f ? TicketStateCodes.Code(f) : null, TicketStateCodes.Code(h.To), h.Note)).ToList()));
    }

    private static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> ActAsync(
        string number, string action, ConsoleTicketActionRequest? request, HttpContext http, ITicketLedger ledger, IGridRoster roster,
        ConsoleTicketActions actions, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(number, http, ledger, roster, cancellationToken) is not { } ticket)
        {
            return Problem(StatusCodes.Status404NotFound, $"没有工单 {number}。");
        }

        var user = ConsoleUser.Current(http);
        var note = request?.Note?.Trim() ?? string.Empty;
        try
        {
            var after = action switch
            {
                "reassign" when request?.PersonId is { } person => await actions.ReassignAsync(ticket, person, note, user, cancellationToken),
                "escalate" => await actions.EscalateAsync(ticket, note, user, cancellationToken),
                "close" when note.Length > 0 => await actions.CloseAsync(ticket, note, user, cancellationToken),
                _ => null,
            };
            return after is null
                ? Problem(StatusCodes.Status400BadRequest, "操作须为 reassign（需 personId）、escalate 或 close（需 note 说明）。")
                : TypedResults.Ok(TicketDto.From(after));
        }
        catch (KeyNotFoundException ex)
        {
            return Problem(StatusCodes.Status404NotFound, ex.Message);
        }
        catch (InvalidTicketTransitionException ex)
        {
            return Problem(StatusCodes.Status409Conflict, ex.Message);
        }
    }

    private static async Task<Ticket?> FindVisibleAsync(string number, HttpContext http, ITicketLedger ledger, IGridRoster roster, CancellationToken cancellationToken)
    {
        var ticket = await ledger.FindAsync(number, cancellationToken);
        var scope = await ConsoleGridScope.ForAsync(ConsoleUser.Current(http), roster, cancellationToken);
        return ticket is not null && scope.Sees(ticket) ? ticket : null;
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(title: "工单操作失败", detail: detail, statusCode: status);
}
