namespace Bot.Connectors.Classification;

/// <summary>
/// Trains a <see cref="TrainedTextClassifier"/> on any label set: character n-gram TF-IDF features
/// (Chinese has no word spaces, so characters are the robust unit) fitted by an ML.NET linear trainer.
/// </summary>
public sealed class TextClassifierTrainer
{
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
        var normalised = examples.Select(e => TextNormalizer.Normalize(e.Text, Options.FoldDigits)).ToArray();
        ct.ThrowIfCancellationRequested();

        var featurizer = CharNGramFeaturizer.Build(normalised, Options);
        var rows = normalised.Select(featurizer.Featurize).ToArray();
        var classes = examples.Select(e => labelIndex[e.Label]).ToArray();
        ct.ThrowIfCancellationRequested();

        var (weights, biases) = MlNetLinearFitter.Fit(rows, classes, labels.Length, featurizer.Dimension, Options, ct);
        return new TrainedTextClassifier(featurizer, labels, weights, biases);
    }
}
