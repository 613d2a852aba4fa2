using System.Security.Claims;
using Bot.Host.AdminConsole.Accounts;

namespace Bot.Host.AdminConsole.Auth;

/// <summary>Who is acting on a console or API request: a signed-in account, or the admin key (a machine).</summary>
public sealed record ConsoleUser(string Username, string Role, long? GridCompoundId, bool IsKey)
{
    public const string GridClaim = "nbh:grid";
    public const string StampClaim = "nbh:stamp";
    private const string ItemKey = "nbh:console-user";

    public static readonly ConsoleUser Key = new("管理员密钥", ConsoleRoles.Admin, null, IsKey: true);

    public bool IsAdmin => Role == ConsoleRoles.Admin;

    public bool IsGridLeader => Role == ConsoleRoles.GridLeader;

    /// <summary>The actor written into ticket histories.</summary>
    public string Actor => IsKey ? "控制台" : $"{ConsoleRoles.ChineseName(Role)}{Username}";

    public static ConsoleUser? FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true, Name: { } name } || principal.FindFirstValue(ClaimTypes.Role) is not { } role)
        {
            return null;
        }

        var grid = long.TryParse(principal.FindFirstValue(GridClaim), out var id) ? id : (long?)null;
        return new ConsoleUser(name, role, grid, IsKey: false);
    }

    public static ClaimsPrincipal ToPrincipal(ConsoleAccount account, string scheme)
    {
        List<Claim> claims = [new(ClaimTypes.Name, account.Username), new(ClaimTypes.Role, account.Role), new(StampClaim, account.Stamp)];
        if (account.GridCompoundId is { } grid)
        {
            claims.Add(new Claim(GridClaim, grid.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The user the API filter admitted for this request.</summary>
    public static ConsoleUser Current(HttpContext context) =>
        context.Items[ItemKey] as ConsoleUser ?? FromPrincipal(context.User) ?? throw new InvalidOperationException("No console user on this request.");

    internal static void Set(HttpContext context, ConsoleUser user) => context.Items[ItemKey] = user;
}
