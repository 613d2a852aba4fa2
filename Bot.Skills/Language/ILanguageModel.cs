namespace Bot.Skills.Language;

/// <summary>
/// The skills' view of a language model: runs one prompt from <c>prompts/</c> and reports what happened. Every
/// skill has an offline path, so a caller treats anything but <see cref="ModelOutcome.Answered"/> as "decide
/// offline". Connectors implement it (Semantic Kernel); <see cref="NoLanguageModel"/> is the default.
/// </summary>
public interface ILanguageModel
{
    /// <summary>False when <c>Llm:Provider=None</c>: callers may skip building arguments.</summary>
    bool IsEnabled { get; }

    /// <summary>Never throws for a model failure (timeout, HTTP error, malformed output, open circuit): those are outcomes.</summary>
    ValueTask<ModelReply> CompleteAsync(PromptCall call, CancellationToken cancellationToken);
}

/// <summary>One prompt run.</summary>
/// <param name="PromptId">"skill/name", the file <c>prompts/skill/name.yaml</c>.</param>
/// <param name="Arguments">Every input variable the prompt declares. Residents' words go in here, never in the template.</param>
public sealed record PromptCall(string PromptId, IReadOnlyDictionary<string, string> Arguments)
{
    /// <summary>Runs this stored version instead of the active one (admin preview).</summary>
    public int? Version { get; init; }

    /// <summary>How long the caller can wait; null takes the configured budget for decisions.</summary>
    public TimeSpan? Budget { get; init; }
}

public enum ModelOutcome
{
    Answered,
    Disabled,
    Timeout,
    Failed,
    InvalidOutput,
    CircuitOpen,
}

/// <param name="Text">The model's answer; for a prompt with a JSON schema, a JSON object already checked to parse.</param>
/// <param name="Detail">Why it failed, for logs and the preview API (never shown to residents).</param>
public sealed record ModelReply(ModelOutcome Outcome, string? Text, string? Detail = null)
{
    public static ModelReply Disabled { get; } = new(ModelOutcome.Disabled, null, "Llm:Provider=None");

    public bool Answered => Outcome == ModelOutcome.Answered && Text is not null;
}

/// <summary>The default with <c>Llm:Provider=None</c>: every skill takes its offline path.</summary>
public sealed class NoLanguageModel : ILanguageModel
{
    public bool IsEnabled => false;

    public ValueTask<ModelReply> CompleteAsync(PromptCall call, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ModelReply.Disabled);
}
