namespace Bot.Connectors.Classification;

/// <summary>Which ML.NET linear trainer fits the weights over the character n-gram features.</summary>
public enum LinearTrainerKind
{
    SdcaMaximumEntropy,
    LbfgsMaximumEntropy,
    OneVersusAllLinearSvm,
    OneVersusAllAveragedPerceptron,
}

/// <summary>
/// Featurisation and trainer settings. The defaults are the ones that scored best on the public
/// TipDM titles split (see docs/classifier-eval.md); other values exist so that the figures can be reproduced.
/// </summary>
public sealed record TextClassifierOptions
{
    public int MinNGram { get; init; } = 1;

    public int MaxNGram { get; init; } = 3;

    /// <summary>An n-gram must occur in at least this many training texts to become a feature.</summary>
    public int MinDocumentFrequency { get; init; } = 1;

    /// <summary>Weight each n-gram by 1 + ln(count) instead of its raw count (titles rarely repeat, long texts do).</summary>
    public bool SublinearTf { get; init; } = true;

    public bool UseIdf { get; init; } = true;

    /// <summary>Wrap the text in start/end markers so that n-grams at the edges are distinct features.</summary>
    public bool BoundaryMarkers { get; init; }

    public bool FoldDigits { get; init; }

    public LinearTrainerKind Trainer { get; init; } = LinearTrainerKind.OneVersusAllLinearSvm;

    /// <summary>L2 penalty (lambda for the SVM); null keeps the ML.NET default of the chosen trainer.</summary>
    public float? L2Regularization { get; init; } = 1e-4f;

    /// <summary>Passes over the data; null keeps the ML.NET default of the chosen trainer.</summary>
    public int? Iterations { get; init; } = 30;

    public int Seed { get; init; } = 1;

    /// <summary>
    /// Fit a confidence temperature on a held-out tenth of the data (costs one extra fit). Without it the
    /// confidence of one-vs-all models is a softmax of raw margins. Ranking and accuracy are unaffected.
    /// </summary>
    public bool CalibrateConfidence { get; init; } = true;

    public static TextClassifierOptions Default { get; } = new();

    /// <summary>
    /// Settings for one trainer, with the regularisation and passes picked on the TipDM title-dev split.
    /// ML.NET's own defaults over-regularise these L2-normalised sparse vectors (SDCA: 0.87, L-BFGS: 0.79 macro-F1).
    /// </summary>
    public static TextClassifierOptions ForTrainer(LinearTrainerKind trainer) => trainer switch
    {
        LinearTrainerKind.OneVersusAllLinearSvm => Default,
        LinearTrainerKind.SdcaMaximumEntropy => Default with { Trainer = trainer, L2Regularization = 1e-6f, Iterations = null },
        LinearTrainerKind.LbfgsMaximumEntropy => Default with { Trainer = trainer, L2Regularization = 0.01f, Iterations = 100 },
        LinearTrainerKind.OneVersusAllAveragedPerceptron => Default with { Trainer = trainer, L2Regularization = 0f, Iterations = 10 },
        _ => throw new ArgumentOutOfRangeException(nameof(trainer), trainer, null),
    };

    internal void Validate()
    {
        if (MinNGram < 1 || MaxNGram < MinNGram || MaxNGram > 8)
        {
            throw new ArgumentException($"n-gram range {MinNGram}..{MaxNGram} is invalid (1 <= min <= max <= 8).");
        }

        if (MinDocumentFrequency < 1)
        {
            throw new ArgumentException("MinDocumentFrequency must be at least 1.");
        }
    }
}
