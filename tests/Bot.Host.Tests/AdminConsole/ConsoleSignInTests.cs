using System.Net;
using System.Net.Http.Json;
using Bot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Tests.AdminConsole;

/// <summary>Login, lockout on the fake clock, antiforgery, hashed passwords, the first-admin setup and account changes.</summary>
public sealed class ConsoleSignInTests : IAsyncLifetime
{
    private readonly BotHostFactory _host = new();

    public async Task InitializeAsync() => await ConsoleSession.CreateAccountAsync(_host, "boss", "admin");

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Login_FiveFailures_LockedFifteenMinutesThenUnlocked()
    {
        using var client = ConsoleSession.Anonymous(_host);
        for (var i = 1; i <= 4; i++)
        {
            Assert.Contains("error=invalid", (await ConsoleSession.PostLoginAsync(client, "boss", "wrong-password")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Contains("error=locked", (await ConsoleSession.PostLoginAsync(client, "boss", "wrong-password")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("error=locked", (await ConsoleSession.PostLoginAsync(client, "boss", ConsoleSession.Password)).Headers.Location!.OriginalString, StringComparison.Ordinal);

        _host.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Contains("error=locked", (await ConsoleSession.PostLoginAsync(client, "boss", ConsoleSession.Password)).Headers.Location!.OriginalString, StringComparison.Ordinal);

        _host.Clock.Advance(TimeSpan.FromMinutes(1.5));
        var unlocked = await ConsoleSession.PostLoginAsync(client, "boss", ConsoleSession.Password);
        Assert.Equal("/admin", unlocked.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task LoginPage_LockedError_ShowsChineseMessage()
    {
        using var client = ConsoleSession.Anonymous(_host);
        Assert.Contains("账号已暂时锁定", await client.GetStringAsync("/admin/login?error=locked"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_Returns400()
    {
        using var client = ConsoleSession.Anonymous(_host);
        var response = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "boss", ["password"] = ConsoleSession.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task ConsolePost_WithoutAntiforgeryHeader_Returns400AndChangesNothing()
    {
        using var client = await ConsoleSession.SignInAsync(_host, "boss");
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        var response = await client.PostAsJsonAsync("/api/console/accounts", new { username = "sneaky", password = "password-123", role = "admin" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await _host.QueryAsync(db => db.ConsoleAccounts.AnyAsync(a => a.Username == "sneaky")));
    }

    [Fact]
    public async Task ConsolePost_WithAntiforgeryHeader_CreatesAccount()
    {
        using var client = await ConsoleSession.SignInAsync(_host, "boss");
        var response = await client.PostAsJsonAsync("/api/console/accounts", new { username = "clerk", password = "password-123", role = "staff" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task CreateAccount_Password_StoredAsPbkdf2Hash()
    {
        var row = await _host.QueryAsync(db => db.ConsoleAccounts.SingleAsync(a => a.Username == "boss"));
        Assert.DoesNotContain(ConsoleSession.Password, row.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(0x01, Convert.FromBase64String(row.PasswordHash)[0]); // Identity v3 format: PBKDF2 with a per-user salt
    }

    [Fact]
    public async Task Disable_SignedInAccount_EndsItsSession()
    {
        await ConsoleSession.CreateAccountAsync(_host, "clerk", "staff");
        using var clerk = await ConsoleSession.SignInAsync(_host, "clerk");
        using var boss = await ConsoleSession.SignInAsync(_host, "boss");
        Assert.Equal(HttpStatusCode.OK, (await boss.PutAsJsonAsync("/api/console/accounts/clerk", new { disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.GetAsync("/api/console/me")).StatusCode);
        Assert.Contains("error=disabled", (await ConsoleSession.PostLoginAsync(ConsoleSession.Anonymous(_host), "clerk", ConsoleSession.Password)).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_WithToken_EndsSession()
    {
        using var client = await ConsoleSession.SignInAsync(_host, "boss");
        var token = await ConsoleSession.PageTokenAsync(client, "/admin");
        var response = await client.PostAsync("/admin/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = token }));
        Assert.Equal("/admin/login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }
}
