using System.Net;
using Bot.Host.Tests.Infrastructure;

namespace Bot.Host.Tests.AdminConsole;

/// <summary>With no account yet, /admin/setup creates the first admin when given the admin key.</summary>
public sealed class ConsoleSetupTests : IDisposable
{
    private readonly BotHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<HttpResponseMessage> PostSetupAsync(HttpClient client, string key) =>
        await client.PostAsync("/admin/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = await ConsoleSession.PageTokenAsync(client, "/admin/setup"), ["key"] = key, ["username"] = "boss", ["password"] = ConsoleSession.Password,
        }));

    [Fact]
    public async Task LoginPage_NoAccounts_RedirectsToSetup()
    {
        using var client = ConsoleSession.Anonymous(_host);
        Assert.Equal("/admin/setup", (await client.GetAsync("/admin/login")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Setup_WrongKey_CreatesNothing()
    {
        using var client = ConsoleSession.Anonymous(_host);
        Assert.Equal("/admin/setup?error=key", (await PostSetupAsync(client, "not-the-key-0123456789")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Setup_WithAdminKey_CreatesAdminAndSignsIn()
    {
        using var client = ConsoleSession.Anonymous(_host);
        Assert.Equal("/admin", (await PostSetupAsync(client, BotHostFactory.AdminKey)).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/accounts")).StatusCode);
        Assert.Equal("/admin/login", (await client.GetAsync("/admin/setup")).Headers.Location!.OriginalString);
    }
}
