using Bot.Skills.Language;
using Bot.Skills.Scheduling;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Mediation;

/// <summary>Preview of <c>scheduling/time</c>: what <see cref="ChineseTimeParser"/> reads beside the validated model time.</summary>
public sealed class TimePromptPreviewer(ILanguageModel model, IOptions<BookingOptions> options, TimeProvider clock) : IPromptPreviewer
{
    public string PromptId => ModelTimeReader.PromptId;

    public async Task<PromptPreview> PreviewAsync(string sample, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var now = clock.GetUtcNow();
        var offline = ChineseTimeParser.Parse(sample, now);
        var reply = await model.CompleteAsync(ModelTimeReader.Call(sample, now) with { Version = version }, cancellationToken).ConfigureAwait(false);
        var read = ModelTimeReader.Read(reply, now, TimeSpan.FromDays(options.Value.HorizonDays));
        return new PromptPreview(sample, Describe(offline), read is null ? null : Describe(read), reply.Text, reply.Outcome, reply.Detail);
    }

    private static string Describe(TimeParseResult r) => r.IsUnderstood
        ? r.End is { } end ? $"{BookingNotices.At(r.Start!.Value)} 至 {BookingNotices.At(end)}" : BookingNotices.At(r.Start!.Value)
        : $"未读出（{r.Outcome}）";
}
