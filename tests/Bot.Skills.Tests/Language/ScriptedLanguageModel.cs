using System.Collections.Concurrent;
using Bot.Skills.Language;

namespace Bot.Skills.Tests.Language;

/// <summary>
/// A language model that answers from a script per prompt id and records every call, so tests can check what
/// was sent (arguments against the prompt file's declared variables, no other resident's words).
/// </summary>
internal sealed class ScriptedLanguageModel : ILanguageModel
{
    private readonly ConcurrentDictionary<string, Func<PromptCall, ModelReply>> _script = new(StringComparer.Ordinal);

    private Func<PromptCall, ModelReply>? _otherwise;

    public bool IsEnabled { get; init; } = true;

    public ConcurrentQueue<PromptCall> Calls { get; } = new();

    public IEnumerable<PromptCall> CallsTo(string promptId) => Calls.Where(c => c.PromptId == promptId);

    /// <summary>Answers <paramref name="promptId"/> with this JSON text.</summary>
    public ScriptedLanguageModel Answer(string promptId, string json) =>
        On(promptId, _ => new ModelReply(ModelOutcome.Answered, json));

    /// <summary>Answers <paramref name="promptId"/> with a failure such as a timeout.</summary>
    public ScriptedLanguageModel Fail(string promptId, ModelOutcome outcome) =>
        On(promptId, _ => new ModelReply(outcome, null, $"scripted {outcome}"));

    /// <summary>A model that answers every prompt with this JSON text.</summary>
    public static ScriptedLanguageModel Json(string json) =>
        new ScriptedLanguageModel().Otherwise(_ => new ModelReply(ModelOutcome.Answered, json));

    /// <summary>The answer for prompts without a script of their own.</summary>
    public ScriptedLanguageModel Otherwise(Func<PromptCall, ModelReply> reply)
    {
        _otherwise = reply;
        return this;
    }

    public ScriptedLanguageModel On(string promptId, Func<PromptCall, ModelReply> reply)
    {
        _script[promptId] = reply;
        return this;
    }

    public ValueTask<ModelReply> CompleteAsync(PromptCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        Calls.Enqueue(call);
        if (!IsEnabled)
        {
            return ValueTask.FromResult(ModelReply.Disabled);
        }

        return ValueTask.FromResult(_script.TryGetValue(call.PromptId, out var reply)
            ? reply(call)
            : _otherwise?.Invoke(call) ?? new ModelReply(ModelOutcome.Failed, null, "not scripted"));
    }
}
