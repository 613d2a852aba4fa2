using Bot.Connectors.Language.Prompts;
using Bot.Skills.Language;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Polly;
using Polly.CircuitBreaker;

namespace Bot.Connectors.Language.Model;

/// <summary>
/// Runs prompts from <see cref="IPromptSource"/> against an OpenAI-compatible chat completions endpoint through
/// Semantic Kernel. Each call has a budget; HTTP errors, transport errors and timeouts count towards a circuit
/// breaker, and while it is open calls return <see cref="ModelOutcome.CircuitOpen"/> without a request. Output
/// that does not satisfy the prompt's schema is <see cref="ModelOutcome.InvalidOutput"/> and does not count: the
/// endpoint answered, so waiting would not help. Residents' text and the API key are never logged.
/// </summary>
public sealed partial class SemanticKernelLanguageModel : ILanguageModel
{
    private readonly IPromptSource _prompts;
    private readonly TimeProvider _time;
    private readonly ILogger<SemanticKernelLanguageModel> _logger;
    private readonly TimeSpan _decisionBudget;
    private readonly Kernel _kernel = new();
    private readonly IChatCompletionService _chat;
    private readonly ResiliencePipeline<ModelReply> _breaker;
    private readonly PreparedPromptCache _cache = new();

    public SemanticKernelLanguageModel(
        IPromptSource prompts,
        HttpClient httpClient,
        IOptions<LlmOptions> options,
        TimeProvider time,
        ILogger<SemanticKernelLanguageModel> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _prompts = prompts;
        _time = time;
        _logger = logger;
        _decisionBudget = TimeSpan.FromMilliseconds(settings.DecisionTimeoutMs);
        _chat = new OpenAIChatCompletionService(settings.Model, OpenAiClients.Create(settings, httpClient));
        _breaker = BuildBreaker(settings, time);
    }

    public bool IsEnabled => true;

    public async ValueTask<ModelReply> CompleteAsync(PromptCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var started = _time.GetTimestamp();
        var (reply, version) = await RunAsync(call, cancellationToken).ConfigureAwait(false);
        var elapsed = (long)_time.GetElapsedTime(started).TotalMilliseconds;
        if (reply.Outcome == ModelOutcome.Answered)
        {
            LogAnswered(call.PromptId, version, elapsed);
        }
        else
        {
            LogNotAnswered(call.PromptId, version, reply.Outcome, elapsed, reply.Detail);
        }

        return reply;
    }

    private async Task<(ModelReply Reply, int? Version)> RunAsync(PromptCall call, CancellationToken cancellationToken)
    {
        var prompt = await _prompts.GetAsync(call.PromptId, call.Version, cancellationToken).ConfigureAwait(false);
        if (prompt is null)
        {
            var which = call.Version is { } v ? $"{call.PromptId} 版本 {v}" : call.PromptId;
            return (Failed($"未找到提示词 {which}"), call.Version);
        }

        PreparedPrompt prepared;
        try
        {
            prepared = _cache.Get(prompt);
        }
        catch (PromptFormatException ex)
        {
            return (Failed($"提示词无效：{ex.Message}"), prompt.Version);
        }

        if (ArgumentProblem(prepared.Inputs, call.Arguments) is { } problem)
        {
            return (Failed(problem), prompt.Version);
        }

        string rendered;
        try
        {
            rendered = await prepared.Template.RenderAsync(_kernel, new KernelArguments(call.Arguments.ToDictionary(p => p.Key, p => (object?)p.Value)), cancellationToken).ConfigureAwait(false);
        }
        catch (KernelException ex)
        {
            return (Failed($"模板渲染失败：{ex.GetType().Name}"), prompt.Version);
        }

        var budget = call.Budget ?? _decisionBudget;
        try
        {
            var reply = await _breaker.ExecuteAsync(token => SendAsync(rendered, prepared, budget, token), cancellationToken).ConfigureAwait(false);
            return (reply, prompt.Version);
        }
        catch (BrokenCircuitException)
        {
            return (new ModelReply(ModelOutcome.CircuitOpen, null, "熔断中：模型接口近期多次失败"), prompt.Version);
        }
    }

    private async ValueTask<ModelReply> SendAsync(string rendered, PreparedPrompt prepared, TimeSpan budget, CancellationToken cancellationToken)
    {
        if (budget <= TimeSpan.Zero)
        {
            return new ModelReply(ModelOutcome.Timeout, null, "预算为零");
        }

        using var timeout = new CancellationTokenSource(budget, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var message = await _chat.GetChatMessageContentAsync(rendered, prepared.Settings, _kernel, linked.Token).ConfigureAwait(false);
            return ReplyChecker.Check(message.Content, prepared.Schema);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ModelReply(ModelOutcome.Timeout, null, $"超过 {budget.TotalMilliseconds:0} ms 未返回");
        }
        catch (HttpOperationException ex)
        {
            var status = ex.StatusCode is { } code ? $"HTTP {(int)code}" : ex.InnerException?.GetType().Name ?? "无状态码";
            return Failed($"模型接口错误：{status}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Failed($"模型接口错误：{ex.GetType().Name}");
        }
    }

    /// <summary>Every declared input must be supplied and nothing else: an undeclared one is a caller's mistake.</summary>
    private static string? ArgumentProblem(IReadOnlySet<string> inputs, IReadOnlyDictionary<string, string> arguments)
    {
        var missing = inputs.Where(name => !arguments.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return $"缺少变量：{string.Join("、", missing)}";
        }

        var extra = arguments.Keys.Where(name => !inputs.Contains(name)).Order(StringComparer.Ordinal).ToList();
        return extra.Count > 0 ? $"提示词未声明的变量：{string.Join("、", extra)}" : null;
    }

    private static ModelReply Failed(string detail) => new(ModelOutcome.Failed, null, detail);

    private static ResiliencePipeline<ModelReply> BuildBreaker(LlmOptions settings, TimeProvider time) =>
        new ResiliencePipelineBuilder<ModelReply> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<ModelReply>
            {
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(settings.SamplingSeconds, 1)),
                BreakDuration = TimeSpan.FromSeconds(settings.BreakSeconds),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Outcome is ModelOutcome.Failed or ModelOutcome.Timeout),
            })
            .Build();

    [LoggerMessage(Level = LogLevel.Information, Message = "Prompt {PromptId} v{Version}: Answered in {ElapsedMs} ms")]
    private partial void LogAnswered(string promptId, int? version, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prompt {PromptId} v{Version}: {Outcome} in {ElapsedMs} ms ({Detail})")]
    private partial void LogNotAnswered(string promptId, int? version, ModelOutcome outcome, long elapsedMs, string? detail);
}
