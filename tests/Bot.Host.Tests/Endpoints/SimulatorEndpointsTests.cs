using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;

namespace Bot.Host.Tests.Endpoints;

public sealed class SimulatorEndpointsTests : IDisposable
{
    private readonly BotHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Post_Greeting_AnswersWithNumberedMenu()
    {
        var client = _host.CreateAdminClient();

        var response = await client.PostAsJsonAsync("/api/simulator/messages", new { user = "sim-1", text = "你好" });

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("greeting", body.GetProperty("intent").GetString());
        var text = body.GetProperty("replies")[0].GetProperty("text").GetString()!;
        Assert.Contains("1. 反映问题、投诉求助", text);
        Assert.Contains("5. 社区信息与联系方式", text);
        Assert.Contains("回复数字", text);
    }

    [Fact]
    public async Task Post_MenuNumber_RoutesToThatSkill()
    {
        var client = _host.CreateAdminClient();
        await client.PostAsJsonAsync("/api/simulator/messages", new { user = "sim-2", text = "你好" });

        var body = await (await client.PostAsJsonAsync("/api/simulator/messages", new { user = "sim-2", text = "５" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("community_info", body.GetProperty("intent").GetString());
        Assert.Contains("办公时间", body.GetProperty("replies")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Post_Gibberish_AsksToRephrase()
    {
        var client = _host.CreateAdminClient();

        var body = await (await client.PostAsJsonAsync("/api/simulator/messages", new { user = "sim-3", text = "嗯嗯啊啊这个那个" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("fallback", body.GetProperty("intent").GetString());
        Assert.Contains("换个说法", body.GetProperty("replies")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Basic dGVzdA==")]
    public async Task Post_WithoutValidKey_Returns401(string? authorization)
    {
        var client = _host.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.PostAsJsonAsync("/api/simulator/messages", new { user = "sim-1", text = "你好" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await _host.QueryAsync(db => Task.FromResult(db.Inbox.Count())));
    }

    [Theory]
    [InlineData("{\"user\":\"\",\"text\":\"你好\"}")]
    [InlineData("{\"user\":\"a b\",\"text\":\"你好\"}")]
    [InlineData("{\"user\":\"sim-1\",\"text\":\"   \"}")]
    [InlineData("{\"user\":\"sim-1\"}")]
    public async Task Post_InvalidBody_Returns400(string json)
    {
        var client = _host.CreateAdminClient();

        var response = await client.PostAsync("/api/simulator/messages", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400()
    {
        var client = _host.CreateAdminClient();

        var response = await client.PostAsync("/api/simulator/messages", new StringContent("{\"user\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_SameIdTwice_ProcessedOnce()
    {
        var client = _host.CreateAdminClient();

        var first = await (await client.PostAsJsonAsync("/api/simulator/messages", new { user = "sim-4", text = "你好", id = "m-1" })).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await client.PostAsJsonAsync("/api/simulator/messages", new { user = "sim-4", text = "你好", id = "m-1" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, first.GetProperty("replies").GetArrayLength());
        Assert.True(second.GetProperty("duplicate").GetBoolean());
        Assert.Equal(0, second.GetProperty("replies").GetArrayLength());
    }

    [Fact]
    public async Task Page_Simulator_ServesChineseChatPage()
    {
        var html = await _host.CreateClient().GetStringAsync("/simulator");

        Assert.Contains("睦邻助手", html);
        Assert.Contains("/api/simulator/messages", html);
    }

    [Fact]
    public async Task Healthz_WhenStarted_Returns200()
    {
        var response = await _host.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
