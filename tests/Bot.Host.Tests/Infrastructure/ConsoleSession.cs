using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bot.Host.Tests.Infrastructure;

/// <summary>Console accounts and signed-in clients for the console tests: cookies kept, redirects not followed.</summary>
internal static partial class ConsoleSession
{
    public const string Password = "correct-horse-1";

    public static async Task CreateAccountAsync(BotHostFactory factory, string username, string role, long? gridCompoundId = null)
    {
        using var admin = factory.CreateAdminClient();
        var response = await admin.PostAsJsonAsync("/api/console/accounts", new { username, password = Password, role, gridCompoundId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static HttpClient Anonymous(BotHostFactory factory) => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Signs in through the login form; the client then sends the page's antiforgery token on every request.</summary>
    public static async Task<HttpClient> SignInAsync(BotHostFactory factory, string username, string password = Password)
    {
        var client = Anonymous(factory);
        var response = await PostLoginAsync(client, username, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", await PageTokenAsync(client, "/admin"));
        return client;
    }

    /// <summary>Posts the login form with the token from the login page; returns the answer (a redirect).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string username, string password)
    {
        var token = await PageTokenAsync(client, "/admin/login");
        return await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["username"] = username, ["password"] = password, ["returnUrl"] = "/admin",
        }));
    }

    public static async Task<string> PageTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {path}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("(?:name=\"__csrf\" value|name=\"csrf\" content)=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
