namespace Bot.Connectors.Classification;

/// <summary>
/// A trained linear model over character n-grams. Every field is read-only after construction, so
/// <see cref="Predict"/> is safe to call from any number of threads at once.
/// </summary>
public sealed partial class TrainedTextClassifier
{
    private readonly CharNGramFeaturizer featurizer;
    private readonly float[] weights; // feature-major: weights[feature * Labels.Count + class]
    private readonly float[] biases;

    internal TrainedTextClassifier(
        CharNGramFeaturizer featurizer, IReadOnlyList<string> labels, float[] weights, float[] biases, float confidenceScale)
    {
        if (weights.Length != featurizer.Dimension * labels.Count || biases.Length != labels.Count)
        {
            throw new ArgumentException("Weight matrix does not match the vocabulary and label set.");
        }

        this.featurizer = featurizer;
        Labels = labels;
        this.weights = weights;
        this.biases = biases;
        ConfidenceScale = confidenceScale;
    }

    /// <summary>Factor applied to the raw scores before the softmax (see <see cref="ConfidenceCalibrator"/>).</summary>
    public float ConfidenceScale { get; }

    public IReadOnlyList<string> Labels { get; }

    public TextClassifierOptions Options => featurizer.Options;

    /// <summary>Number of character n-gram features the model knows.</summary>
    public int FeatureCount => featurizer.Dimension;

    public TextPrediction Predict(string text)
    {
        var classCount = Labels.Count;
        Span<float> scores = classCount <= 64 ? stackalloc float[classCount] : new float[classCount];
        Score(text, scores);
        for (var c = 0; c < classCount; c++)
        {
            scores[c] *= ConfidenceScale;
        }

        Softmax(scores);
        var ranked = new (string Label, float Score)[classCount];
        for (var c = 0; c < classCount; c++)
        {
            ranked[c] = (Labels[c], scores[c]);
        }

        // Insertion sort, descending and stable: equal scores keep label order; label sets are small.
        for (var i = 1; i < ranked.Length; i++)
        {
            var item = ranked[i];
            var j = i - 1;
            for (; j >= 0 && ranked[j].Score < item.Score; j--)
            {
                ranked[j + 1] = ranked[j];
            }

            ranked[j + 1] = item;
        }

        return new TextPrediction(ranked[0].Label, ranked[0].Score, ranked);
    }

    /// <summary>Raw linear scores (logits for maximum entropy, margins for one-vs-all) per label.</summary>
    internal void Score(string text, Span<float> scores)
    {
        var classCount = Labels.Count;
        biases.CopyTo(scores);
        var (indices, values) = featurizer.Featurize(TextNormalizer.Normalize(text, featurizer.Options.FoldDigits));
        for (var i = 0; i < indices.Length; i++)
        {
            var row = weights.AsSpan(indices[i] * classCount, classCount);
            var value = values[i];
            for (var c = 0; c < classCount; c++)
            {
                scores[c] += value * row[c];
            }
        }
    }

    private static void Softmax(Span<float> scores)
    {
        var max = float.NegativeInfinity;
        foreach (var s in scores)
        {
            max = MathF.Max(max, s);
        }

        var sum = 0f;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = MathF.Exp(scores[c] - max);
            sum += scores[c];
        }

        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }
    }
}
