using Bot.Skills.Greeting;
using Bot.Skills.Language;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Knowledge;

/// <summary>What to say to a consultation, and which entry it came from (null when nothing was relevant).</summary>
public sealed record ConsultationAnswer(string Text, KnowledgeMatch? Match)
{
    public bool Answered => Match is not null;

    /// <summary>The entries the answer rests on (their sources are the 来源 lines); the best match when offline.</summary>
    public IReadOnlyList<KnowledgeMatch> Cited { get; init; } = Match is null ? [] : [Match];

    /// <summary>True when the language model composed the text.</summary>
    public bool ByModel { get; init; }
}

/// <summary>
/// Answers a consultation from the knowledge base. Nothing relevant → says so and offers a person, without asking
/// the model. Otherwise, with a model, the <c>knowledge/answer</c> prompt composes an answer from the retrieved
/// entries only; it is used when it is valid JSON, not empty and cites only retrieved entries — the 来源 lines come
/// from those entries, never from the model; citing none means the entries do not answer the question (not
/// answered). Offline, or whenever the model's answer is not usable: the best entry as written, with its source.
/// </summary>
public sealed partial class ConsultationAnswerer(
    KnowledgeRetriever retriever,
    ILanguageModel? model = null,
    IOptions<KnowledgeOptions>? options = null,
    IOptions<CommunityOptions>? community = null,
    ILogger<ConsultationAnswerer>? logger = null)
{
    public const string NoAnswerText = "这个问题我暂时答不上来。您可以换个说法再问一次，或回复“转人工”联系网格员。";

    private readonly KnowledgeOptions _settings = options?.Value ?? new KnowledgeOptions();

    public async Task<ConsultationAnswer> AnswerAsync(string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var matches = await retriever.FindAsync(question, _settings.ModelEntries, cancellationToken).ConfigureAwait(false);
        if (matches.Count == 0)
        {
            return new ConsultationAnswer(NoAnswerText, null);
        }

        var offline = Offline(matches[0]);
        if (model is not { IsEnabled: true })
        {
            return offline;
        }

        var call = KnowledgePrompt.Call(question, matches, CommunityName(community));
        var reply = await model.CompleteAsync(call, cancellationToken).ConfigureAwait(false);
        if (Compose(reply, matches, _settings.MaxAnswerChars) is { } composed)
        {
            return composed;
        }

        LogOffline(logger ?? (ILogger)NullLogger.Instance, reply.Outcome, reply.Detail ?? "unusable answer");
        return offline;
    }

    /// <summary>The best entry as written, with its source.</summary>
    public static ConsultationAnswer Offline(KnowledgeMatch best)
    {
        ArgumentNullException.ThrowIfNull(best);
        return new ConsultationAnswer($"{best.Entry.Answer}\n\n来源：{best.Entry.Source}", best);
    }

    /// <returns>The model's answer with the cited entries' sources, or null when it is not usable.</returns>
    public static ConsultationAnswer? Compose(ModelReply reply, IReadOnlyList<KnowledgeMatch> matches, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(matches);
        if (ModelJson.Read<KnowledgeModelAnswer>(reply) is not { Answer: { } raw, EntryIds: { } ids })
        {
            return null;
        }

        if (ids.Count == 0)
        {
            // The model read the entries and found no answer in them: say so rather than send a near miss.
            return new ConsultationAnswer(NoAnswerText, null) { ByModel = true };
        }

        var answer = raw.Trim();
        var cited = ids.Distinct(StringComparer.Ordinal)
            .Select(id => matches.FirstOrDefault(m => string.Equals(m.Entry.Id, id, StringComparison.Ordinal)))
            .ToList();
        if (answer.Length == 0 || cited.Any(m => m is null))
        {
            return null;
        }

        if (answer.Length > maxChars)
        {
            answer = string.Concat(answer.AsSpan(0, maxChars - 1), "…");
        }

        var sources = cited.Select(m => m!.Entry.Source).Distinct(StringComparer.Ordinal).Select(s => $"来源：{s}");
        return new ConsultationAnswer($"{answer}\n\n{string.Join('\n', sources)}", cited[0]) { Cited = cited!, ByModel = true };
    }

    internal static string CommunityName(IOptions<CommunityOptions>? community) =>
        community?.Value.Name is { Length: > 0 } name ? name : new CommunityOptions().Name;

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge answer taken offline: model outcome {Outcome} ({Detail})")]
    private static partial void LogOffline(ILogger logger, ModelOutcome outcome, string detail);
}
