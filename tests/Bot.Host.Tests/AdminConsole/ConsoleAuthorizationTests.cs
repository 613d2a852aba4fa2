using System.Net;
using System.Net.Http.Json;
using Bot.Host.Tests.Infrastructure;

namespace Bot.Host.Tests.AdminConsole;

/// <summary>Who may open which console page and call which endpoint: anonymous, wrong role, right role, the admin key.</summary>
public sealed class ConsoleAuthorizationTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private readonly BotHostFactory _host = fixture.Host;

    public static TheoryData<string> ConsolePages => ["/admin", "/admin/tickets", "/admin/tickets/2026-000001", "/admin/roster", "/admin/accounts",
        "/admin/prompts", "/admin/prompts/engine/intent", "/admin/knowledge", "/admin/calendar", "/admin/venues", "/admin/groups", "/admin/conversations"];

    public static TheoryData<string, string> ApiEndpoints => new()
    {
        { "GET", "/api/console/me" }, { "GET", "/api/console/dashboard" }, { "GET", "/api/console/tickets" },
        { "GET", "/api/console/tickets/2026-000001" }, { "POST", "/api/console/tickets/2026-000001/close" },
        { "GET", "/api/console/tickets/export?quarter=2026Q4" }, { "GET", "/api/console/accounts" }, { "POST", "/api/console/accounts" },
        { "PUT", "/api/console/accounts/boss" }, { "GET", "/api/tickets" }, { "POST", "/api/roster/import" },
        { "GET", "/api/prompts" }, { "POST", "/api/prompts/engine/intent/versions" }, { "GET", "/api/knowledge" }, { "POST", "/api/knowledge/search" },
        { "GET", "/api/console/calendar" }, { "GET", "/api/console/conversations" },
    };

    [Theory]
    [MemberData(nameof(ConsolePages))]
    public async Task ConsolePage_Anonymous_RedirectsToLogin(string path)
    {
        using var client = ConsoleSession.Anonymous(_host);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login?returnUrl=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiEndpoints))]
    public async Task ConsoleApi_Anonymous_Returns401(string method, string path)
    {
        using var client = ConsoleSession.Anonymous(_host);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ConsoleApi_WrongBearerKeyWithCookie_Returns401()
    {
        using var client = await ConsoleSession.SignInAsync(_host, "boss");
        client.DefaultRequestHeaders.Authorization = new("Bearer", "wrong-key-0123456789");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/console/me")).StatusCode);
    }

    [Fact]
    public async Task AccountsPage_Staff_Returns403()
    {
        using var client = await ConsoleSession.SignInAsync(_host, "clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/tickets")).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/console/accounts")]
    [InlineData("POST", "/api/console/accounts")]
    [InlineData("PUT", "/api/console/accounts/leader")]
    public async Task Accounts_Staff_Returns403(string method, string path)
    {
        using var client = await ConsoleSession.SignInAsync(_host, "clerk");
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { role = "admin" }) });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/tickets")]
    [InlineData("GET", "/api/roster/export")]
    [InlineData("POST", "/api/roster/import")]
    [InlineData("GET", "/api/console/accounts")]
    [InlineData("POST", "/api/simulator/messages")]
    [InlineData("GET", "/api/venues")]
    [InlineData("GET", "/api/console/calendar")]
    [InlineData("GET", "/api/console/conversations")]
    [InlineData("GET", "/api/groups")]
    [InlineData("GET", "/api/events/schedules")]
    public async Task OtherEndpoints_GridLeader_Returns403(string method, string path)
    {
        using var client = await ConsoleSession.SignInAsync(_host, "leader");
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin/calendar")]
    [InlineData("/admin/venues")]
    [InlineData("/admin/groups")]
    [InlineData("/admin/conversations")]
    public async Task StaffPages_GridLeader_Returns403AndStaffGets200(string path)
    {
        using var leader = await ConsoleSession.SignInAsync(_host, "leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync(path)).StatusCode);
        using var clerk = await ConsoleSession.SignInAsync(_host, "clerk");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task AccountsPage_GridLeader_Returns403()
    {
        using var client = await ConsoleSession.SignInAsync(_host, "leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/accounts")).StatusCode);
    }

    [Fact]
    public async Task StaffAndAdmin_AllowedEndpoints_Return200()
    {
        using var clerk = await ConsoleSession.SignInAsync(_host, "clerk");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/api/roster/people")).StatusCode);
        using var boss = await ConsoleSession.SignInAsync(_host, "boss");
        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync("/api/console/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await boss.GetAsync("/admin/accounts")).StatusCode);
    }

    [Fact]
    public async Task ConsoleApi_AdminKey_StillWorks()
    {
        using var admin = _host.CreateAdminClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/console/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/console/accounts")).StatusCode);
    }
}
