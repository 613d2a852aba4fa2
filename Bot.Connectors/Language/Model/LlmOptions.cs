using System.ComponentModel.DataAnnotations;

namespace Bot.Connectors.Language.Model;

public enum LlmProvider
{
    /// <summary>No model: every skill takes its offline path.</summary>
    None,

    /// <summary>Any OpenAI-compatible chat completions endpoint (OpenAI, DeepSeek, Qwen, vLLM, Ollama…).</summary>
    OpenAI,
}

/// <summary>The language model; see the configuration table in the README.</summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    public LlmProvider Provider { get; set; } = LlmProvider.None;

    /// <summary>The API base, e.g. <c>https://api.deepseek.com/v1</c> or <c>http://127.0.0.1:11434/v1</c>; <c>/chat/completions</c> is appended.</summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>Sent as <c>Authorization: Bearer</c>; may stay empty for local servers.</summary>
    public string ApiKey { get; set; } = string.Empty;

    public string Model { get; set; } = string.Empty;

    /// <summary>How long a decision may take while the resident waits, unless the call brings its own budget.</summary>
    [Range(100, 120_000)]
    public int DecisionTimeoutMs { get; set; } = 2500;

    /// <summary>Share of failed calls (HTTP errors, timeouts, transport errors) in the sampling window that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls the window must see before the ratio counts.</summary>
    [Range(2, 1000)]
    public int MinimumThroughput { get; set; } = 4;

    [Range(1, 3600)]
    public int SamplingSeconds { get; set; } = 30;

    /// <summary>How long the circuit stays open before one trial call is let through.</summary>
    [Range(1, 3600)]
    public int BreakSeconds { get; set; } = 30;
}
