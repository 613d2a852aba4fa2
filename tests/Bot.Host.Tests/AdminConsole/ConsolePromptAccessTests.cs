using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;

namespace Bot.Host.Tests.AdminConsole;

/// <summary>The prompt and knowledge pages and APIs by role: staff may edit and preview but never activate; grid leaders may not.</summary>
public sealed class ConsolePromptAccessTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private readonly BotHostFactory _host = fixture.Host;

    public static TheoryData<string> Pages => ["/admin/prompts", "/admin/prompts/engine/intent", "/admin/knowledge"];

    public static TheoryData<string, string> Apis => new()
    {
        { "GET", "/api/prompts" }, { "GET", "/api/prompts/engine/intent" }, { "POST", "/api/prompts/engine/intent/versions" },
        { "POST", "/api/prompts/engine/intent/preview" }, { "POST", "/api/prompts/engine/intent/versions/0/activate" },
        { "GET", "/api/knowledge" }, { "PUT", "/api/knowledge/test-entry" }, { "DELETE", "/api/knowledge/test-entry" }, { "POST", "/api/knowledge/search" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PromptAndKnowledgePages_GridLeader_Returns403(string path)
    {
        using var client = await ConsoleSession.SignInAsync(_host, "leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PromptAndKnowledgePages_Staff_Returns200(string path)
    {
        using var client = await ConsoleSession.SignInAsync(_host, "clerk");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task PromptAndKnowledgeApis_GridLeader_Returns403(string method, string path)
    {
        using var client = await ConsoleSession.SignInAsync(_host, "leader");
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SaveVersion_StaffAsksToActivate_Returns403AndStoresNothing()
    {
        using var clerk = await ConsoleSession.SignInAsync(_host, "clerk");
        var content = await EditedContentAsync(clerk, "scheduling/time");

        var response = await clerk.PostAsJsonAsync("/api/prompts/scheduling/time/versions", new { content, note = "绕过启用", activate = true });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("不能启用", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var detail = await clerk.GetFromJsonAsync<JsonElement>("/api/prompts/scheduling/time");
        Assert.Equal(0, detail.GetProperty("storedVersions").GetArrayLength());
        Assert.Equal(0, detail.GetProperty("prompt").GetProperty("activeVersion").GetInt32());
    }

    [Fact]
    public async Task ActivateVersion_Staff_Returns403()
    {
        using var clerk = await ConsoleSession.SignInAsync(_host, "clerk");

        var response = await clerk.PostAsJsonAsync("/api/prompts/engine/intent/versions/0/activate", new { author = "clerk" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SaveVersion_StaffWithoutActivation_StoredInactiveWithStaffAsAuthor()
    {
        using var clerk = await ConsoleSession.SignInAsync(_host, "clerk");
        var content = await EditedContentAsync(clerk, "handoff/summary");

        var response = await clerk.PostAsJsonAsync("/api/prompts/handoff/summary/versions", new { content, note = "更简洁", author = "冒名的人" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = await clerk.GetFromJsonAsync<JsonElement>("/api/prompts/handoff/summary");
        var version = Assert.Single(detail.GetProperty("storedVersions").EnumerateArray());
        Assert.Equal("clerk", version.GetProperty("author").GetString());
        Assert.False(version.GetProperty("active").GetBoolean());
        Assert.Equal(0, detail.GetProperty("prompt").GetProperty("activeVersion").GetInt32());
    }

    [Fact]
    public async Task SaveVersion_AdminKeyNamesAuthor_AuthorKept()
    {
        using var admin = _host.CreateAdminClient();
        var content = await EditedContentAsync(admin, "knowledge/answer");

        var response = await admin.PostAsJsonAsync("/api/prompts/knowledge/answer/versions", new { content, note = "脚本", author = "王主任" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var detail = await admin.GetFromJsonAsync<JsonElement>("/api/prompts/knowledge/answer");
        Assert.Equal("王主任", detail.GetProperty("storedVersions")[0].GetProperty("author").GetString());
    }

    private static async Task<string> EditedContentAsync(HttpClient client, string id)
    {
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/prompts/{id}");
        return detail.GetProperty("defaultContent").GetString()! + "\n# 修改测试\n";
    }
}
