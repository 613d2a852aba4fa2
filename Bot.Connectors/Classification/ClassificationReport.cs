namespace Bot.Connectors.Classification;

/// <summary>Precision, recall and F1 of one label; <see cref="Support"/> is how many examples truly carry it.</summary>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>
/// Evaluation of predictions against the truth. <see cref="ConfusionMatrix"/>[actual][predicted] is indexed by
/// the positions in <see cref="Labels"/>.
/// </summary>
public sealed record ClassificationReport(
    IReadOnlyList<string> Labels,
    int Total,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<ClassMetrics> PerClass,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix);
