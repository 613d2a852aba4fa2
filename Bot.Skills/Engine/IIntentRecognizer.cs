namespace Bot.Skills.Engine;

public sealed record IntentMatch(string Intent, double Confidence);

/// <summary>Decides what a message is about. The offline recognizer is the default.</summary>
public interface IIntentRecognizer
{
    /// <returns>The best match, or null when nothing fits.</returns>
    ValueTask<IntentMatch?> RecognizeAsync(TurnContext context, CancellationToken cancellationToken);
}

/// <summary>
/// One way of recognising intents (keywords, pending ratings, the complaint classifier…). The recognizer asks
/// the sources in <see cref="Order"/> and takes the first match, so cheap and certain sources go first.
/// </summary>
public interface IIntentSource
{
    int Order { get; }

    ValueTask<IntentMatch?> MatchAsync(TurnContext context, CancellationToken cancellationToken);
}

/// <summary>Asks every registered <see cref="IIntentSource"/> in order.</summary>
public sealed class IntentRecognizer(IEnumerable<IIntentSource> sources) : IIntentRecognizer
{
    private readonly IIntentSource[] _sources = [.. sources.OrderBy(s => s.Order)];

    public async ValueTask<IntentMatch?> RecognizeAsync(TurnContext context, CancellationToken cancellationToken)
    {
        foreach (var source in _sources)
        {
            if (await source.MatchAsync(context, cancellationToken).ConfigureAwait(false) is { } match)
            {
                return match;
            }
        }

        return null;
    }
}
