using Bot.Host.AdminConsole.Auth;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Tests.AdminConsole;

public sealed class ConsoleAccessTests
{
    private static readonly ConsoleUser Staff = new("clerk", "staff", null, IsKey: false);
    private static readonly ConsoleUser Leader = new("leader", "grid_leader", 1, IsKey: false);

    [Theory]
    [InlineData("POST", "/api/prompts/complaint/versions/2/activate", false)]
    [InlineData("POST", "/api/prompts/complaint/activate", false)]
    [InlineData("GET", "/api/prompts/complaint", true)]
    [InlineData("POST", "/api/prompts/complaint/versions", true)]
    [InlineData("GET", "/api/console/accounts", false)]
    [InlineData("POST", "/api/tickets/2026-000001/transitions", true)]
    public void Allows_Staff_EverythingButAccountsAndPromptActivation(string method, string path, bool expected) =>
        Assert.Equal(expected, ConsoleAccess.Allows(Staff, method, new PathString(path)));

    [Theory]
    [InlineData("GET", "/api/console/tickets", true)]
    [InlineData("POST", "/api/console/tickets/2026-000001/close", true)]
    [InlineData("GET", "/api/console/dashboard", true)]
    [InlineData("GET", "/api/roster/people", true)]
    [InlineData("POST", "/api/roster/people", false)]
    [InlineData("GET", "/api/tickets/2026-000001", false)]
    [InlineData("GET", "/api/knowledge", false)]
    public void Allows_GridLeader_OnlyConsoleTicketsAndRosterReads(string method, string path, bool expected) =>
        Assert.Equal(expected, ConsoleAccess.Allows(Leader, method, new PathString(path)));

    [Fact]
    public void Allows_UnknownRole_Nothing() =>
        Assert.False(ConsoleAccess.Allows(new ConsoleUser("x", "guest", null, IsKey: false), "GET", new PathString("/api/console/me")));
}
