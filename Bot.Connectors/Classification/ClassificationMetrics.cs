namespace Bot.Connectors.Classification;

/// <summary>Pure functions from (actual, predicted) label pairs to the usual multi-class figures.</summary>
public static class ClassificationMetrics
{
    /// <param name="labels">
    /// Labels to report, in this order; by default every label seen in either list, ordinal order.
    /// Macro-F1 is the unweighted mean over these labels (a label never seen and never predicted scores 0).
    /// </param>
    public static ClassificationReport Evaluate(
        IReadOnlyList<string> actual, IReadOnlyList<string> predicted, IReadOnlyList<string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException($"{actual.Count} actual labels but {predicted.Count} predictions.");
        }

        labels ??= actual.Concat(predicted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var matrix = ConfusionMatrix(actual, predicted, index);

        var perClass = new ClassMetrics[labels.Count];
        var correct = 0;
        for (var c = 0; c < labels.Count; c++)
        {
            var truePositives = matrix[c][c];
            var support = matrix[c].Sum();
            var predictedCount = matrix.Sum(row => row[c]);
            var precision = Ratio(truePositives, predictedCount);
            var recall = Ratio(truePositives, support);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass[c] = new ClassMetrics(labels[c], precision, recall, f1, support);
            correct += truePositives;
        }

        return new ClassificationReport(
            labels,
            actual.Count,
            Ratio(correct, actual.Count),
            labels.Count == 0 ? 0 : perClass.Average(m => m.F1),
            perClass,
            matrix);
    }

    private static int[][] ConfusionMatrix(
        IReadOnlyList<string> actual, IReadOnlyList<string> predicted, Dictionary<string, int> index)
    {
        var matrix = Enumerable.Range(0, index.Count).Select(_ => new int[index.Count]).ToArray();
        for (var i = 0; i < actual.Count; i++)
        {
            if (!index.TryGetValue(actual[i], out var a) || !index.TryGetValue(predicted[i], out var p))
            {
                throw new ArgumentException($"label '{actual[i]}' or '{predicted[i]}' is not in the label list.");
            }

            matrix[a][p]++;
        }

        return matrix;
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
