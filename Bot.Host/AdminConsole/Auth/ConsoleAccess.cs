using Bot.Host.AdminConsole.Accounts;

namespace Bot.Host.AdminConsole.Auth;

/// <summary>
/// The role rules for signed-in accounts on <c>/api/*</c> (the admin key may do everything): admins everything;
/// staff everything except accounts and activating prompt versions; grid leaders only the console's ticket and
/// dashboard endpoints (which filter by their grid) and reading the roster.
/// </summary>
public static class ConsoleAccess
{
    public static bool Allows(ConsoleUser user, string method, PathString path)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Role switch
        {
            ConsoleRoles.Admin => true,
            ConsoleRoles.Staff => !IsAccounts(path) && !IsPromptActivation(method, path),
            ConsoleRoles.GridLeader => IsGridLeaderPath(method, path),
            _ => false,
        };
    }

    private static bool IsAccounts(PathString path) => path.StartsWithSegments("/api/console/accounts", StringComparison.OrdinalIgnoreCase);

    private static bool IsPromptActivation(string method, PathString path) =>
        !HttpMethods.IsGet(method)
        && path.StartsWithSegments("/api/prompts", StringComparison.OrdinalIgnoreCase)
        && path.Value!.Contains("activ", StringComparison.OrdinalIgnoreCase);

    private static bool IsGridLeaderPath(string method, PathString path) =>
        path.StartsWithSegments("/api/console/me", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/console/dashboard", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/console/tickets", StringComparison.OrdinalIgnoreCase)
        || (HttpMethods.IsGet(method) && path.StartsWithSegments("/api/roster/people", StringComparison.OrdinalIgnoreCase))
        || (HttpMethods.IsGet(method) && path.StartsWithSegments("/api/roster/compounds", StringComparison.OrdinalIgnoreCase));
}
