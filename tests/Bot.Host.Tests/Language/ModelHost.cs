using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;
using Bot.TestSupport.Language;

namespace Bot.Host.Tests.Language;

/// <summary>
/// The real host with <c>Llm:Provider=OpenAI</c> pointed at an in-test OpenAI-compatible server. The fake answers
/// each prompt by what its system message asks for, so a test scripts only the prompts it cares about.
/// </summary>
internal sealed class ModelHost : IAsyncDisposable
{
    private readonly Dictionary<string, Func<FakeOpenAiRequest, FakeOpenAiResponse>> _answers = [];

    private ModelHost(FakeOpenAiServer server, BotHostFactory factory)
    {
        Server = server;
        Factory = factory;
        Admin = factory.CreateAdminClient();
        server.DefaultResponder = request =>
        {
            var system = request.Messages.FirstOrDefault(m => m.Role == "system").Content ?? string.Empty;
            foreach (var (marker, answer) in _answers)
            {
                if (system.Contains(marker, StringComparison.Ordinal))
                {
                    return answer(request);
                }
            }

            return FakeOpenAiResponse.Status(500, "not scripted");
        };
    }

    /// <summary>Words only the intent prompt's system message has.</summary>
    public const string IntentPrompt = "意图识别器";

    public const string ClassifyPrompt = "category 只能取下列代码之一";

    public FakeOpenAiServer Server { get; }

    public BotHostFactory Factory { get; }

    public HttpClient Admin { get; }

    public static async Task<ModelHost> StartAsync()
    {
        var server = await FakeOpenAiServer.StartAsync();
        var factory = new BotHostFactory()
            .With("Llm:Provider", "OpenAI")
            .With("Llm:Endpoint", server.BaseUrl)
            .With("Llm:Model", "test-model")
            .With("Llm:ApiKey", "sk-test");
        return new ModelHost(server, factory);
    }

    public void Answer(string systemMarker, Func<FakeOpenAiRequest, FakeOpenAiResponse> answer) => _answers[systemMarker] = answer;

    public void Answer(string systemMarker, string json) => Answer(systemMarker, _ => FakeOpenAiResponse.Content(json));

    public async Task<JsonElement> SayAsync(string user, string text)
    {
        var response = await Admin.PostAsJsonAsync("/api/simulator/messages", new { user, text });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string Intent(JsonElement turn) => turn.GetProperty("intent").GetString()!;

    public static string Text(JsonElement turn) =>
        string.Join('\n', turn.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));

    /// <summary>The requests whose system message carries <paramref name="marker"/>, in order.</summary>
    public IReadOnlyList<FakeOpenAiRequest> RequestsFor(string marker) =>
        [.. Server.Requests.Where(r => r.Messages.Any(m => m.Role == "system" && m.Content.Contains(marker, StringComparison.Ordinal)))];

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
        await Server.DisposeAsync();
    }
}
