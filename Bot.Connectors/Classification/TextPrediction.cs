namespace Bot.Connectors.Classification;

/// <summary>
/// The predicted label, its confidence (0–1) and every label ranked best first with its score.
/// Scores are probabilities for maximum-entropy models and softmaxed margins for one-vs-all models.
/// </summary>
public sealed record TextPrediction(string Label, float Confidence, IReadOnlyList<(string Label, float Score)> Ranked);
