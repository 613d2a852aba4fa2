using Bot.TestSupport.Language;

namespace Bot.Host.Tests.Infrastructure;

/// <summary>
/// The console browser host with <c>Llm:Provider=OpenAI</c> pointed at an in-test OpenAI-compatible server. The intent
/// prompt (recognised by <see cref="IntentMarker"/> in its system message) answers <see cref="IntentJson"/>; every other
/// prompt gets an empty object (invalid output: the offline path, and no failures for the circuit breaker).
/// </summary>
public sealed class PromptBrowserHost : IAsyncLifetime
{
    public const string IntentMarker = "意图识别器";

    public const string IntentJson =
        """{"intent":"night_market","confidence":0.8,"place":null,"since":null,"time":null,"topic":"想当面反映情况","other_party":null,"issues":[]}""";

    private ConsoleBrowserHost? _browser;

    public FakeOpenAiServer Server { get; private set; } = null!;

    public ConsoleBrowserHost Browser => _browser ?? throw new InvalidOperationException("Not started.");

    public BotHostFactory Host => Browser.Host;

    public async Task InitializeAsync()
    {
        Server = await FakeOpenAiServer.StartAsync();
        Server.DefaultResponder = request =>
            FakeOpenAiResponse.Content(SystemMessage(request).Contains(IntentMarker, StringComparison.Ordinal) ? IntentJson : "{}");
        var factory = new BotHostFactory()
            .With("Llm:Provider", "OpenAI")
            .With("Llm:Endpoint", Server.BaseUrl)
            .With("Llm:Model", "test-model")
            .With("Llm:ApiKey", "sk-test");
        _browser = new ConsoleBrowserHost(factory);
        await _browser.InitializeAsync();
    }

    /// <summary>The system message of the last request the intent prompt made.</summary>
    public string LastIntentSystemMessage() =>
        Server.Requests.Select(SystemMessage).Last(s => s.Contains(IntentMarker, StringComparison.Ordinal));

    private static string SystemMessage(FakeOpenAiRequest request) =>
        request.Messages.FirstOrDefault(m => m.Role == "system").Content ?? string.Empty;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
