using Bot.Skills.Language;

namespace Bot.Skills.Tests.Knowledge;

/// <summary>A model double: answers with a scripted reply and records every call.</summary>
internal sealed class ScriptedLanguageModel(Func<PromptCall, ModelReply> reply) : ILanguageModel
{
    public List<PromptCall> Calls { get; } = [];

    public bool IsEnabled => true;

    public static ScriptedLanguageModel Json(string json) => new(_ => new ModelReply(ModelOutcome.Answered, json));

    public ValueTask<ModelReply> CompleteAsync(PromptCall call, CancellationToken cancellationToken)
    {
        Calls.Add(call);
        return ValueTask.FromResult(reply(call));
    }
}
