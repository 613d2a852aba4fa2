using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.TestSupport.WeCom;

namespace Bot.Host.Tests.Infrastructure;

/// <summary>
/// What the end-to-end scenario hosts share: the real host with the WeCom API faked and the clock at a fixed time, an
/// admin client, a roster import, simulator turns, and waiting for what the outbox delivers to a resident.
/// </summary>
internal abstract class ScenarioHost : IAsyncDisposable
{
    protected ScenarioHost(BotHostFactory factory, FakeWeComApi wecom) => (Factory, WeCom, Admin) = (factory, wecom, factory.CreateAdminClient());

    public BotHostFactory Factory { get; }

    public FakeWeComApi WeCom { get; }

    public HttpClient Admin { get; }

    /// <summary>A factory on a fake WeCom API, configured, its clock set to <paramref name="now"/> before it starts.</summary>
    protected static async Task<(BotHostFactory Factory, FakeWeComApi WeCom)> CreateAsync(
        DateTimeOffset now, Func<BotHostFactory, BotHostFactory>? configure, string? dataDirectory)
    {
        var wecom = await FakeWeComApi.StartAsync();
        var factory = WeComRequests.Configure(new BotHostFactory(dataDirectory: dataDirectory), replayWindowSeconds: 0)
            .With("WeCom:ApiBaseUrl", wecom.BaseUrl)
            .With("WeCom:Secret", "wecom-secret");
        factory = configure?.Invoke(factory) ?? factory;
        factory.Clock.SetUtcNow(now);
        return (factory, wecom);
    }

    protected async Task ImportRosterAsync(string csv)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new("text/csv");
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync("/api/roster/import", content)).StatusCode);
    }

    /// <summary>One simulator turn; the replies' texts joined.</summary>
    public async Task<string> SayAsync(string user, string text)
    {
        var response = await Admin.PostAsJsonAsync("/api/simulator/messages", new { user, text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return string.Join("\n", body.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
    }

    public async Task<IReadOnlyList<string>> ResidentTextsAsync(string user) =>
        (await Admin.GetFromJsonAsync<JsonElement>($"/api/simulator/messages?user={user}&after=0"))
            .GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).ToList();

    /// <summary>Waits (real time, for the outbox) until <paramref name="count"/> messages contain the text; returns the last.</summary>
    public async Task<string> WaitForResidentAsync(string user, string containing, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var matches = (await ResidentTextsAsync(user)).Where(t => t.Contains(containing, StringComparison.Ordinal)).ToList();
            if (matches.Count >= count)
            {
                return matches[^1];
            }

            Assert.True(DateTime.UtcNow < deadline, $"No simulator message containing “{containing}” for {user}.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
        await WeCom.DisposeAsync();
    }
}
