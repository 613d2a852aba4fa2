using Bot.Host.AdminConsole.Accounts;
using Bot.Host.AdminConsole.Auth;
using Bot.Host.Security;
using Bot.Skills.Grid;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.Host.AdminConsole.Endpoints;

/// <summary><c>/api/console/me</c> and the accounts (admins and the admin key only; the key creates the first admin).</summary>
public static class ConsoleAccountEndpoints
{
    public static IEndpointRouteBuilder MapConsoleAccounts(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/console").AddEndpointFilter<AdminAuthorization>();
        api.MapGet("/me", MeAsync);
        api.MapGet("/accounts", ListAsync);
        api.MapPost("/accounts", CreateAsync);
        api.MapPut("/accounts/{username}", UpdateAsync);
        return app;
    }

    private static async Task<Ok<ConsoleMeDto>> MeAsync(HttpContext http, IGridRoster roster, CancellationToken cancellationToken)
    {
        var user = ConsoleUser.Current(http);
        var scope = await ConsoleGridScope.ForAsync(user, roster, cancellationToken);
        return TypedResults.Ok(new ConsoleMeDto(user.Username, user.Role, ConsoleRoles.ChineseName(user.Role), user.GridCompoundId, scope.CompoundName, user.IsKey));
    }

    private static async Task<Ok<IReadOnlyList<ConsoleAccountDto>>> ListAsync(ConsoleAccountStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var accounts = await store.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ConsoleAccountDto>>(accounts.Select(a => ToDto(a, now)).ToList());
    }

    private static async Task<Results<Created<ConsoleAccountDto>, ProblemHttpResult>> CreateAsync(
        ConsoleAccountRequest? request, ConsoleAccountStore store, IGridRoster roster, IOptions<ConsoleOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var error = request is null ? "需要 username、password 和 role。" : ConsoleAccountRules.Check(request.Username?.Trim(), request.Password, options.Value);
        if (request is null || error is not null)
        {
            return Problem(StatusCodes.Status400BadRequest, error!);
        }

        if (await CheckRoleAsync(request.Role ?? ConsoleRoles.Admin, request.GridCompoundId, roster, cancellationToken) is { } roleError)
        {
            return Problem(StatusCodes.Status400BadRequest, roleError);
        }

        try
        {
            var account = await store.CreateAsync(request.Username!.Trim(), request.Password!, request.Role ?? ConsoleRoles.Admin, request.GridCompoundId, cancellationToken);
            return TypedResults.Created($"/api/console/accounts/{Uri.EscapeDataString(account.Username)}", ToDto(account, clock.GetUtcNow()));
        }
        catch (InvalidOperationException ex)
        {
            return Problem(StatusCodes.Status409Conflict, ex.Message);
        }
    }

    private static async Task<Results<Ok<ConsoleAccountDto>, ProblemHttpResult>> UpdateAsync(
        string username, ConsoleAccountUpdateRequest? request, ConsoleAccountStore store, IGridRoster roster, IOptions<ConsoleOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "需要 role、gridCompoundId、password 或 disabled。");
        }

        if (request.Password is not null && ConsoleAccountRules.CheckPassword(request.Password, options.Value) is { } passwordError)
        {
            return Problem(StatusCodes.Status400BadRequest, passwordError);
        }

        var existing = await store.FindAsync(username, cancellationToken);
        if (existing is null)
        {
            return Problem(StatusCodes.Status404NotFound, $"没有账号 {username}。");
        }

        if (await CheckRoleAsync(request.Role ?? existing.Role, request.GridCompoundId ?? existing.GridCompoundId, roster, cancellationToken) is { } roleError)
        {
            return Problem(StatusCodes.Status400BadRequest, roleError);
        }

        var account = await store.UpdateAsync(username, new ConsoleAccountChange(request.Role, request.GridCompoundId, request.Password, request.Disabled), cancellationToken);
        return TypedResults.Ok(ToDto(account, clock.GetUtcNow()));
    }

    private static async Task<string?> CheckRoleAsync(string role, long? grid, IGridRoster roster, CancellationToken cancellationToken)
    {
        if (!ConsoleRoles.IsValid(role))
        {
            return "role 须为 admin、staff 或 grid_leader。";
        }

        return role == ConsoleRoles.GridLeader && (grid is not { } id || await roster.GetCompoundAsync(id, cancellationToken) is null)
            ? "网格长须指定名册中存在的小区（gridCompoundId）。"
            : null;
    }

    private static ConsoleAccountDto ToDto(ConsoleAccount a, DateTimeOffset now) => new(
        a.Username, a.Role, ConsoleRoles.ChineseName(a.Role), a.GridCompoundId, a.Disabled, a.LockedUntil > now, a.FailedCount, a.CreatedAt);

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(title: "账号操作失败", detail: detail, statusCode: status);
}
