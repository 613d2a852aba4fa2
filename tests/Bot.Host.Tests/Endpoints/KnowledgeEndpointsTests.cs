using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;
using Bot.Host.Tests.Knowledge;

namespace Bot.Host.Tests.Endpoints;

public sealed class KnowledgeEndpointsTests : IDisposable
{
    private readonly BotHostFactory _host;
    private readonly HttpClient _client;

    public KnowledgeEndpointsTests()
    {
        _host = new BotHostFactory().With("Knowledge:Folder", KnowledgeHost.EmptyFolder());
        _client = _host.CreateAdminClient();
    }

    public void Dispose() => _host.Dispose();

    private Task<HttpResponseMessage> PutAsync(string id, object body) => _client.PutAsJsonAsync($"/api/knowledge/{id}", body);

    [Fact]
    public async Task Endpoints_Anonymous_Return401()
    {
        var anonymous = _host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/knowledge")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/knowledge/a")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/knowledge/a", new { question = "q", answer = "a", source = "s" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync("/api/knowledge/a")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/knowledge/search", new { question = "q" })).StatusCode);
    }

    [Fact]
    public async Task Crud_JsonThenMarkdownThenDelete_SeenByListGetAndSearch()
    {
        var created = await PutAsync("pet-dog", new { question = "养狗要办狗证吗？", answer = "需要办理犬只登记证。", source = "街道综合执法队", validUntil = "2099-12-31", tags = new[] { "养犬", "狗证" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        const string markdown = "问题：养狗要办狗证吗？\n来源：街道综合执法队\n标签：养犬\n---\n需要办理犬只登记证，并每年免疫。";
        var updated = await _client.PutAsync("/api/knowledge/pet-dog", new StringContent(markdown, Encoding.UTF8, "text/markdown"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var entry = await _client.GetFromJsonAsync<JsonElement>("/api/knowledge/pet-dog");
        Assert.Equal("需要办理犬只登记证，并每年免疫。", entry.GetProperty("answer").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("validUntil").ValueKind);
        Assert.Equal("admin-api", entry.GetProperty("updatedBy").GetString());
        Assert.Single((await _client.GetFromJsonAsync<JsonElement>("/api/knowledge")).EnumerateArray());

        var search = await (await _client.PostAsJsonAsync("/api/knowledge/search", new { question = "养狗需要办狗证吗" })).Content.ReadFromJsonAsync<JsonElement>();
        var hit = search.GetProperty("matches")[0];
        Assert.Equal("pet-dog", hit.GetProperty("id").GetString());
        Assert.True(hit.GetProperty("score").GetDouble() > 0);
        Assert.True(search.GetProperty("answered").GetBoolean());
        Assert.EndsWith("来源：街道综合执法队", search.GetProperty("answer").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync("/api/knowledge/pet-dog")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/knowledge/pet-dog")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync("/api/knowledge/pet-dog")).StatusCode);
        var after = await (await _client.PostAsJsonAsync("/api/knowledge/search", new { question = "养狗需要办狗证吗" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(after.GetProperty("matches").EnumerateArray());
        Assert.False(after.GetProperty("answered").GetBoolean());
    }

    [Theory]
    [InlineData("", "答案", "来源", null, "问题不能为空")]
    [InlineData("问题", " ", "来源", null, "答案不能为空")]
    [InlineData("问题", "LONG", "来源", null, "答案不能超过 2000 个字")]
    [InlineData("问题", "答案", "来源", "明年六月", "不是日期")]
    [InlineData("问题", "答案", "", null, "来源不能为空")]
    public async Task Put_InvalidEntry_Returns400WithChineseReason(string question, string answer, string source, string? validUntil, string reason)
    {
        var response = await PutAsync("entry", new { question, answer = answer == "LONG" ? new string('长', 2001) : answer, source, validUntil });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Put_BadMarkdownOrId_Returns400()
    {
        var markdown = await _client.PutAsync("/api/knowledge/x", new StringContent("问题：没有分隔行", Encoding.UTF8, "text/markdown"));
        var id = await PutAsync("a%20b", new { question = "q", answer = "a", source = "s" });

        Assert.Equal(HttpStatusCode.BadRequest, markdown.StatusCode);
        Assert.Contains("---", (await markdown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, id.StatusCode);
    }

    [Fact]
    public async Task Search_EmptyQuestion_Returns400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsJsonAsync("/api/knowledge/search", new { question = " " })).StatusCode);
    }
}
