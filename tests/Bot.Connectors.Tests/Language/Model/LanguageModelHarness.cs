using Bot.Connectors.Language.Model;
using Bot.Connectors.Language.Prompts;
using Bot.Skills.Language;
using Bot.TestSupport.Language;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Language.Model;

/// <summary>A <see cref="SemanticKernelLanguageModel"/> against a <see cref="FakeOpenAiServer"/>, with inline prompts.</summary>
internal sealed class LanguageModelHarness : IAsyncDisposable
{
    public const string ApiKey = "sk-test-key";
    public const string ModelName = "qwen-test";

    public const string StructuredPrompt = """
        name: classify
        template_format: semantic-kernel
        template: |
          <message role="system">你是社区助手，只输出 JSON。</message>
          <message role="user">{{$text}}</message>
        input_variables:
          - name: text
            description: 居民原话
            is_required: true
        execution_settings:
          default:
            temperature: 0.1
            max_tokens: 200
            response_format:
              type: json_schema
              json_schema:
                name: decision
                strict: true
                schema:
                  type: object
                  properties:
                    category: { type: string, enum: [noise, parking] }
                    confidence: { type: number }
                  required: [category, confidence]
                  additionalProperties: false
        """;

    public const string TextPrompt = """
        name: answer
        template: |
          <message role="system">用一句话回答居民。</message>
          <message role="user">{{$question}}</message>
        input_variables:
          - name: question
        execution_settings:
          default:
            temperature: 0.7
        """;

    private readonly HttpClient _http = new();

    private LanguageModelHarness(FakeOpenAiServer server, TimeProvider time, LlmOptions options)
    {
        Server = server;
        Time = time;
        Options = options;
        Model = new SemanticKernelLanguageModel(Prompts, _http, Microsoft.Extensions.Options.Options.Create(options), time, NullLogger<SemanticKernelLanguageModel>.Instance);
    }

    public FakeOpenAiServer Server { get; }

    public TimeProvider Time { get; }

    public LlmOptions Options { get; }

    public TestPromptSource Prompts { get; } = new(new()
    {
        ["complaints/classify"] = StructuredPrompt,
        ["general/answer"] = TextPrompt,
        ["broken/no-template"] = "name: broken\ndescription: 没有模板\n",
    });

    public SemanticKernelLanguageModel Model { get; }

    /// <param name="time">Null: a FakeTimeProvider.</param>
    public static async Task<LanguageModelHarness> StartAsync(TimeProvider? time = null)
    {
        var server = await FakeOpenAiServer.StartAsync();
        var options = new LlmOptions
        {
            Provider = LlmProvider.OpenAI,
            Endpoint = server.BaseUrl,
            ApiKey = ApiKey,
            Model = ModelName,
            DecisionTimeoutMs = 2500,
        };
        return new LanguageModelHarness(server, time ?? new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), options);
    }

    public static PromptCall Classify(string text) => new("complaints/classify", new Dictionary<string, string> { ["text"] = text });

    public static PromptCall Answer(string question) => new("general/answer", new Dictionary<string, string> { ["question"] = question });

    public ValueTask<ModelReply> CompleteAsync(PromptCall call) => Model.CompleteAsync(call, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _http.Dispose();
    }
}

internal sealed class TestPromptSource(Dictionary<string, string> prompts) : IPromptSource
{
    public List<(string PromptId, int? Version)> Lookups { get; } = [];

    public ValueTask<PromptText?> GetAsync(string promptId, int? version, CancellationToken cancellationToken)
    {
        Lookups.Add((promptId, version));
        return ValueTask.FromResult(prompts.TryGetValue(promptId, out var content) ? new PromptText(promptId, version ?? 0, content) : null);
    }
}
