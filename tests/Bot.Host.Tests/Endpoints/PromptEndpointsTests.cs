using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Language;
using Bot.TestSupport.Language;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Endpoints;

/// <summary>The prompt admin API through the real host, over a sample prompt folder.</summary>
public sealed class PromptEndpointsTests : IDisposable
{
    private const string Base = "/api/prompts/test/classify";

    private readonly SamplePrompts _prompts = new();
    private readonly EchoPreviewer _previewer = new();
    private readonly BotHostFactory _host;
    private readonly HttpClient _client;

    public PromptEndpointsTests()
    {
        _host = new BotHostFactory().With("Prompts:Folder", _prompts.Folder)
            .WithServices(s => s.AddSingleton<IPromptPreviewer>(_previewer));
        _client = _host.CreateAdminClient();
    }

    public void Dispose()
    {
        _host.Dispose();
        _prompts.Dispose();
    }

    [Fact]
    public async Task Api_WithoutKey_Returns401()
    {
        using var anonymous = _host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/prompts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Base)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Base}/versions/0")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"{Base}/versions", new { content = SamplePrompts.Edited("x") })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{Base}/versions/0/activate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"{Base}/preview", new { samples = new[] { "楼道灯坏了" } })).StatusCode);
        Assert.Equal(0, await _host.QueryAsync(db => Task.FromResult(db.PromptVersions.Count())));
    }

    [Fact]
    public async Task List_SampleFolder_ReturnsPromptWithVariables()
    {
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/prompts");

        var prompt = Assert.Single(list.EnumerateArray());
        Assert.Equal("test/classify", prompt.GetProperty("id").GetString());
        Assert.Equal("把居民的话归类", prompt.GetProperty("description").GetString());
        Assert.Equal(0, prompt.GetProperty("activeVersion").GetInt32());
        Assert.Equal(0, prompt.GetProperty("versions").GetInt32());
        Assert.Equal(["message", "compound"], prompt.GetProperty("inputVariables").EnumerateArray().Select(v => v.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task SaveVersion_ValidWithActivate_Returns201AndBecomesActive()
    {
        var created = await _client.PostAsJsonAsync($"{Base}/versions", new { content = SamplePrompts.Edited("新"), note = "更简洁", author = "王五", activate = true });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var detail = await _client.GetFromJsonAsync<JsonElement>(Base);
        Assert.Equal(1, detail.GetProperty("prompt").GetProperty("activeVersion").GetInt32());
        Assert.Equal(SamplePrompts.Classify, detail.GetProperty("defaultContent").GetString());
        var version = Assert.Single(detail.GetProperty("storedVersions").EnumerateArray());
        Assert.Equal(("王五", "更简洁", true), (version.GetProperty("author").GetString(), version.GetProperty("note").GetString(), version.GetProperty("active").GetBoolean()));
        var content = await _client.GetFromJsonAsync<JsonElement>($"{Base}/versions/1");
        Assert.Equal(SamplePrompts.Edited("新"), content.GetProperty("content").GetString());
    }

    [Fact]
    public async Task SaveVersion_Invalid_Returns400WithReasonAndStoresNothing()
    {
        var undeclared = SamplePrompts.Edited("x").Replace("{{$compound}}", "{{$compound}}{{$phone}}", StringComparison.Ordinal);

        var response = await _client.PostAsJsonAsync($"{Base}/versions", new { content = undeclared, activate = true });
        var empty = await _client.PostAsJsonAsync($"{Base}/versions", new { note = "无内容" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("phone", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(0, await _host.QueryAsync(db => Task.FromResult(db.PromptVersions.Count())));
    }

    [Fact]
    public async Task UnknownPromptOrVersion_Returns404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/prompts/test/missing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsJsonAsync("/api/prompts/test/missing/versions", new { content = SamplePrompts.Classify })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"{Base}/versions/5")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync($"{Base}/versions/5/activate", null)).StatusCode);
    }

    [Fact]
    public async Task Activate_OlderThenZero_RollsBack()
    {
        await _client.PostAsJsonAsync($"{Base}/versions", new { content = SamplePrompts.Edited("一") });
        await _client.PostAsJsonAsync($"{Base}/versions", new { content = SamplePrompts.Edited("二"), activate = true });

        var older = await _client.PostAsJsonAsync($"{Base}/versions/1/activate", new { author = "李四" });
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Equal(1, (await _client.GetFromJsonAsync<JsonElement>(Base)).GetProperty("prompt").GetProperty("activeVersion").GetInt32());

        var file = await _client.PostAsync($"{Base}/versions/0/activate", null);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var detail = await _client.GetFromJsonAsync<JsonElement>(Base);
        Assert.Equal(0, detail.GetProperty("prompt").GetProperty("activeVersion").GetInt32());
        Assert.All(detail.GetProperty("storedVersions").EnumerateArray(), v => Assert.False(v.GetProperty("active").GetBoolean()));
    }

    [Fact]
    public async Task Preview_RegisteredPreviewer_ReturnsOneResultPerSample()
    {
        await _client.PostAsJsonAsync($"{Base}/versions", new { content = SamplePrompts.Edited("一") });

        var response = await _client.PostAsJsonAsync($"{Base}/preview", new { version = 1, samples = new[] { "楼道灯坏了", "电梯停了" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(["楼道灯坏了", "电梯停了"], results.Select(r => r.GetProperty("sample").GetString()));
        Assert.Equal("answered", results[0].GetProperty("outcome").GetString());
        Assert.Equal("v1:楼道灯坏了", results[0].GetProperty("model").GetString());
        Assert.Equal("设施", results[0].GetProperty("offline").GetString());
        Assert.Equal([1, 1], _previewer.Versions);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(21, 10)]
    [InlineData(1, 501)]
    public async Task Preview_BadSamples_Returns400(int count, int length)
    {
        var samples = Enumerable.Repeat(new string('灯', length), count).ToArray();

        var response = await _client.PostAsJsonAsync($"{Base}/preview", new { samples });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_previewer.Versions);
    }

    [Fact]
    public async Task Preview_NoPreviewerOrUnknownVersion_Returns404()
    {
        using var plain = new BotHostFactory().With("Prompts:Folder", _prompts.Folder);
        using var client = plain.CreateAdminClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"{Base}/preview", new { samples = new[] { "灯坏了" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsJsonAsync($"{Base}/preview", new { version = 9, samples = new[] { "灯坏了" } })).StatusCode);
    }

    private sealed class EchoPreviewer : IPromptPreviewer
    {
        public List<int?> Versions { get; } = [];

        public string PromptId => SamplePrompts.Id;

        public Task<PromptPreview> PreviewAsync(string sample, int? version, CancellationToken cancellationToken)
        {
            Versions.Add(version);
            return Task.FromResult(new PromptPreview(sample, "设施", $"v{version}:{sample}", "{\"category\":\"设施\"}", ModelOutcome.Answered, null));
        }
    }
}
