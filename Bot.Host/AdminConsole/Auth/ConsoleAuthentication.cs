using System.Security.Claims;
using Bot.Host.AdminConsole.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Bot.Host.AdminConsole.Auth;

public static class ConsoleAuthentication
{
    public const string Scheme = "console";
    public const string CookieName = "nbh.console";
    public const string CsrfHeader = "X-CSRF-TOKEN";
    public const string CsrfField = "__csrf";

    /// <summary>Accounts, the console's cookie sign-in (HttpOnly, SameSite=Strict, sliding) and antiforgery.</summary>
    public static IServiceCollection AddConsole(this IServiceCollection services)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConsoleAccountStore>();
        services.AddAuthentication(Scheme).AddCookie(Scheme);
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IOptions<ConsoleOptions>, TimeProvider>((cookie, console, clock) =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(console.Value.SessionHours);
            cookie.TimeProvider = clock;
            cookie.LoginPath = "/admin/login";
            cookie.Events.OnValidatePrincipal = ValidateAsync;
        });
        services.AddAntiforgery(options =>
        {
            options.HeaderName = CsrfHeader;
            options.FormFieldName = CsrfField;
            options.Cookie.Name = "nbh.csrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>A disabled account, or one whose password, role or grid changed since sign-in, is signed out.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var store = context.HttpContext.RequestServices.GetRequiredService<ConsoleAccountStore>();
        var account = name is null ? null : await store.FindAsync(name, context.HttpContext.RequestAborted);
        if (account is null || account.Disabled || account.Stamp != context.Principal!.FindFirstValue(ConsoleUser.StampClaim))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
