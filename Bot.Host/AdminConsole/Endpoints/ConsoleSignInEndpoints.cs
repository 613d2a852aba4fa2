using Bot.Host.AdminConsole.Accounts;
using Bot.Host.AdminConsole.Auth;
using Bot.Host.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Bot.Host.AdminConsole.Endpoints;

/// <summary>Login, logout and the first-admin setup (which asks for the admin key while no account exists).</summary>
public static partial class ConsoleSignInEndpoints
{
    public static IEndpointRouteBuilder MapConsoleSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/login", LoginPageAsync).ExcludeFromDescription();
        app.MapPost("/admin/login", LoginAsync).ExcludeFromDescription();
        app.MapPost("/admin/logout", LogoutAsync).ExcludeFromDescription();
        app.MapGet("/admin/setup", SetupPageAsync).ExcludeFromDescription();
        app.MapPost("/admin/setup", SetupAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> LoginPageAsync(HttpContext http, IAntiforgery csrf, ConsoleAccountStore store, string? error, string? returnUrl)
    {
        if (!await store.AnyAsync(http.RequestAborted))
        {
            return Results.Redirect("/admin/setup");
        }

        var message = error switch
        {
            "invalid" => "用户名或密码不正确。",
            "locked" => "登录失败次数过多，账号已暂时锁定，请稍后再试。",
            "disabled" => "该账号已停用，请联系管理员。",
            _ => string.Empty,
        };
        return Form(http, csrf, "login.html", message, returnUrl);
    }

    private static async Task<IResult> LoginAsync(
        HttpContext http, IAntiforgery csrf, ConsoleAccountStore store, IOptions<ConsoleOptions> options, ILogger<ConsoleAccountStore> logger)
    {
        if (!await csrf.IsRequestValidAsync(http))
        {
            return Results.Problem(title: "请求缺少有效的防伪令牌，请刷新页面后重试", statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var username = form["username"].ToString().Trim();
        var returnUrl = LocalOrHome(form["returnUrl"].ToString());
        var settings = options.Value;
        var outcome = await store.SignInAsync(username, form["password"].ToString(), settings.MaxFailedLogins, TimeSpan.FromMinutes(settings.LockoutMinutes), http.RequestAborted);
        if (outcome.Account is not { } account)
        {
            LogRefused(logger, username, outcome.Status);
            var error = outcome.Status switch { SignInStatus.LockedOut => "locked", SignInStatus.Disabled => "disabled", _ => "invalid" };
            return Results.Redirect($"/admin/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        await http.SignInAsync(ConsoleAuthentication.Scheme, ConsoleUser.ToPrincipal(account, ConsoleAuthentication.Scheme));
        LogSignedIn(logger, account.Username, account.Role);
        return Results.Redirect(returnUrl);
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, IAntiforgery csrf)
    {
        if (!await csrf.IsRequestValidAsync(http))
        {
            return Results.Problem(title: "请求缺少有效的防伪令牌，请刷新页面后重试", statusCode: StatusCodes.Status400BadRequest);
        }

        await http.SignOutAsync(ConsoleAuthentication.Scheme);
        return Results.Redirect("/admin/login");
    }

    private static async Task<IResult> SetupPageAsync(HttpContext http, IAntiforgery csrf, ConsoleAccountStore store, string? error) =>
        await store.AnyAsync(http.RequestAborted)
            ? Results.Redirect("/admin/login")
            : Form(http, csrf, "setup.html", error == "key" ? "管理员密钥不正确。" : error == "input" ? "用户名须为 2–32 个字符，密码至少 8 位。" : string.Empty, "/admin");

    private static async Task<IResult> SetupAsync(HttpContext http, IAntiforgery csrf, ConsoleAccountStore store, AdminKey key, IOptions<ConsoleOptions> options)
    {
        if (!await csrf.IsRequestValidAsync(http))
        {
            return Results.Problem(title: "请求缺少有效的防伪令牌，请刷新页面后重试", statusCode: StatusCodes.Status400BadRequest);
        }

        if (await store.AnyAsync(http.RequestAborted))
        {
            return Results.Redirect("/admin/login");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (!key.Matches(form["key"].ToString().Trim()))
        {
            return Results.Redirect("/admin/setup?error=key");
        }

        var username = form["username"].ToString().Trim();
        var password = form["password"].ToString();
        if (ConsoleAccountRules.Check(username, password, options.Value) is not null)
        {
            return Results.Redirect("/admin/setup?error=input");
        }

        var account = await store.CreateAsync(username, password, ConsoleRoles.Admin, null, http.RequestAborted);
        await http.SignInAsync(ConsoleAuthentication.Scheme, ConsoleUser.ToPrincipal(account, ConsoleAuthentication.Scheme));
        return Results.Redirect("/admin");
    }

    private static IResult Form(HttpContext http, IAntiforgery csrf, string page, string message, string? returnUrl)
    {
        http.Response.Headers.CacheControl = "no-store";
        return ConsoleAssets.Page(page, new Dictionary<string, string>
        {
            ["__CSRF__"] = csrf.GetAndStoreTokens(http).RequestToken!,
            ["__MESSAGE__"] = message,
            ["__RETURN__"] = LocalOrHome(returnUrl),
        });
    }

    /// <summary>Only paths inside the console: never an open redirect.</summary>
    private static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url.StartsWith("/admin", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : "/admin";

    [LoggerMessage(Level = LogLevel.Information, Message = "Console sign-in of {Username} as {Role}")]
    private static partial void LogSignedIn(ILogger logger, string username, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Console sign-in refused for {Username}: {Status}")]
    private static partial void LogRefused(ILogger logger, string username, SignInStatus status);
}
