using Bot.Host.AdminConsole.Auth;
using Microsoft.AspNetCore.Antiforgery;

namespace Bot.Host.Security;

/// <summary>
/// Guards every <c>/api/*</c> group: <c>Authorization: Bearer &lt;Admin:ApiKey&gt;</c> (machines) may do everything;
/// a console sign-in (cookie) may do what <see cref="ConsoleAccess"/> allows its role, and a state-changing request
/// must carry the antiforgery token. Anonymous → 401, wrong role → 403, missing token → 400.
/// </summary>
public sealed class AdminAuthorization(AdminKey key, IAntiforgery antiforgery) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        string? header = http.Request.Headers.Authorization;
        var presented = header is not null && header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? header[Scheme.Length..].Trim()
            : null;
        if (key.Matches(presented))
        {
            ConsoleUser.Set(http, ConsoleUser.Key);
            return await next(context).ConfigureAwait(false);
        }

        if (presented is not null || ConsoleUser.FromPrincipal(http.User) is not { } user)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(title: "需要管理员密钥 (Authorization: Bearer <Admin:ApiKey>) 或控制台登录", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (!ConsoleAccess.Allows(user, http.Request.Method, http.Request.Path))
        {
            return TypedResults.Problem(title: "您的角色无权执行此操作", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http).ConfigureAwait(false))
        {
            return TypedResults.Problem(title: "请求缺少有效的防伪令牌，请刷新页面后重试", statusCode: StatusCodes.Status400BadRequest);
        }

        ConsoleUser.Set(http, user);
        return await next(context).ConfigureAwait(false);
    }
}
