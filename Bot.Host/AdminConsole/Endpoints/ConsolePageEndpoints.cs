using Bot.Host.AdminConsole.Accounts;
using Bot.Host.AdminConsole.Auth;
using Microsoft.AspNetCore.Antiforgery;

namespace Bot.Host.AdminConsole.Endpoints;

/// <summary>The console's pages under <c>/admin</c>: signed-in only (else to the login page), accounts for admins only, the staff pages not for grid leaders.</summary>
public static class ConsolePageEndpoints
{
    private static readonly string[] Pages = ["/admin", "/admin/tickets", "/admin/roster"];

    /// <summary>Pages for admins and staff only (grid leaders get 403).</summary>
    private static readonly string[] StaffPages = ["/admin/prompts", "/admin/knowledge", "/admin/calendar", "/admin/venues", "/admin/groups", "/admin/conversations"];

    public static IEndpointRouteBuilder MapConsolePages(this IEndpointRouteBuilder app)
    {
        foreach (var path in Pages)
        {
            var file = path == "/admin" ? "dashboard.html" : path["/admin/".Length..] + ".html";
            app.MapGet(path, (HttpContext http, IAntiforgery csrf) => Serve(http, csrf, file, adminOnly: false)).ExcludeFromDescription();
        }

        foreach (var path in StaffPages)
        {
            var file = path["/admin/".Length..] + ".html";
            app.MapGet(path, (HttpContext http, IAntiforgery csrf) => Serve(http, csrf, file, adminOnly: false, staffOnly: true)).ExcludeFromDescription();
        }

        app.MapGet("/admin/prompts/{skill}/{name}", (HttpContext http, IAntiforgery csrf) => Serve(http, csrf, "prompt.html", adminOnly: false, staffOnly: true)).ExcludeFromDescription();
        app.MapGet("/admin/tickets/{number}", (HttpContext http, IAntiforgery csrf) => Serve(http, csrf, "ticket.html", adminOnly: false)).ExcludeFromDescription();
        app.MapGet("/admin/accounts", (HttpContext http, IAntiforgery csrf) => Serve(http, csrf, "accounts.html", adminOnly: true)).ExcludeFromDescription();
        app.MapGet("/admin/assets/{file}", (string file) =>
            ConsoleAssets.Find(file) is { } bytes && !file.EndsWith(".html", StringComparison.Ordinal)
                ? Results.File(bytes, ConsoleAssets.ContentType(file))
                : Results.NotFound()).ExcludeFromDescription();
        app.MapConsoleSignIn();
        return app;
    }

    private static IResult Serve(HttpContext http, IAntiforgery csrf, string file, bool adminOnly, bool staffOnly = false)
    {
        if (ConsoleUser.FromPrincipal(http.User) is not { } user)
        {
            var back = Uri.EscapeDataString(http.Request.Path + http.Request.QueryString);
            return Results.Redirect($"/admin/login?returnUrl={back}");
        }

        if ((adminOnly && !user.IsAdmin) || (staffOnly && user.IsGridLeader))
        {
            return ConsoleAssets.Page("forbidden.html", new Dictionary<string, string>(), StatusCodes.Status403Forbidden);
        }

        http.Response.Headers.CacheControl = "no-store";
        return ConsoleAssets.Page(file, new Dictionary<string, string> { ["__CSRF__"] = csrf.GetAndStoreTokens(http).RequestToken! });
    }
}
