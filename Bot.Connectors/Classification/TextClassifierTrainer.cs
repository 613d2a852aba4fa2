namespace Bot.Connectors.Classification;

/// <summary>
/// Trains a <see cref="TrainedTextClassifier"/> on any label set: character n-gram TF-IDF features
/// (Chinese has no word spaces, so characters are the robust unit) fitted by an ML.NET linear trainer.
/// </summary>
public sealed class TextClassifierTrainer
{
    /// <summary>Below this many held-out examples a fitted temperature would be noise.</summary>
    private const int MinimumHeldOut = 20;

    public TextClassifierTrainer(TextClassifierOptions? options = null)
    {
        Options = options ?? TextClassifierOptions.Default;
        Options.Validate();
    }

    public TextClassifierOptions Options { get; }

    public TrainedTextClassifier Train(IReadOnlyList<LabelledText> examples, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        // Label order is ordinal so that the same data always yields the same class indices.
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException("Training needs examples of at least two different labels.", nameof(examples));
        }

        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var classes = examples.Select(e => labelIndex[e.Label]).ToArray();
        var normalised = examples.Select(e => TextNormalizer.Normalize(e.Text, Options.FoldDigits)).ToArray();
        var all = Enumerable.Range(0, examples.Count).ToArray();

        var scale = 1f;
        var heldOut = all.Where(i => IsHeldOut(examples[i].Id)).ToArray();
        // The provisional fit must still see most of the data, or its margins would not resemble the final model's.
        if (Options.CalibrateConfidence && heldOut.Length >= MinimumHeldOut && heldOut.Length * 4 <= all.Length)
        {
            var provisional = Fit(all.Except(heldOut).ToArray(), normalised, classes, labels, 1f, ct);
            var scores = heldOut.Select(i =>
            {
                var row = new float[labels.Length];
                provisional.Score(examples[i].Text, row);
                return row;
            }).ToArray();
            scale = ConfidenceCalibrator.FitScale(scores, heldOut.Select(i => classes[i]).ToArray());
        }

        return Fit(all, normalised, classes, labels, scale, ct);
    }

    private TrainedTextClassifier Fit(
        int[] rowsToUse, string[] normalised, int[] classes, string[] labels, float scale, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var texts = rowsToUse.Select(i => normalised[i]).ToArray();
        var featurizer = CharNGramFeaturizer.Build(texts, Options);
        var rows = texts.Select(featurizer.Featurize).ToArray();
        ct.ThrowIfCancellationRequested();

        var (weights, biases) = MlNetLinearFitter.Fit(
            rows, rowsToUse.Select(i => classes[i]).ToArray(), labels.Length, featurizer.Dimension, Options, ct);
        return new TrainedTextClassifier(featurizer, labels, weights, biases, scale);
    }

    /// <summary>
    /// About one example in ten, chosen by a hash of its id (not string.GetHashCode, which changes per process)
    /// so that the calibration split, and so the model, is the same on every run.
    /// </summary>
    private static bool IsHeldOut(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash % 10 == 0;
    }
}
