using Bot.Skills.Engine;
using Bot.Skills.Language;

namespace Bot.Skills.Handoff;

/// <summary>Preview of <c>handoff/summary</c>: each line of the sample is one resident message.</summary>
public sealed class SummaryPromptPreviewer(ILanguageModel model, TimeProvider clock) : IPromptPreviewer
{
    public string PromptId => HandoffSummarizer.PromptId;

    public async Task<PromptPreview> PreviewAsync(string sample, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var now = clock.GetUtcNow();
        var turns = sample.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => new TurnRecord("resident", line, now))
            .ToList();
        var offline = HandoffTexts.Summary(turns);
        if (HandoffSummarizer.Call(turns) is not { } call)
        {
            return new PromptPreview(sample, offline, null, null, ModelOutcome.InvalidOutput, "样例为空");
        }

        var reply = await model.CompleteAsync(call with { Version = version }, cancellationToken).ConfigureAwait(false);
        return new PromptPreview(sample, offline, HandoffSummarizer.Read(reply), reply.Text, reply.Outcome, reply.Detail);
    }
}
