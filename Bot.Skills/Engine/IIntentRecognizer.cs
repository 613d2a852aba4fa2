namespace Bot.Skills.Engine;

public sealed record IntentMatch(string Intent, double Confidence);

/// <summary>Decides what a message is about. The offline recognizer is the default.</summary>
public interface IIntentRecognizer
{
    /// <returns>The best match, or null when nothing fits.</returns>
    ValueTask<IntentMatch?> RecognizeAsync(TurnContext context, CancellationToken cancellationToken);
}
