namespace Bot.Connectors.Classification;

/// <summary>
/// Temperature scaling: one factor that turns raw linear scores into probabilities that mean what they say.
/// SVM margins are not probabilities, and a plain softmax of them is far too unsure (about 0.4 for a clear case);
/// fitting the factor on held-out examples fixes that without changing which label ranks first.
/// </summary>
internal static class ConfidenceCalibrator
{
    /// <summary>The scale s that minimises the mean negative log-likelihood of softmax(s × scores).</summary>
    public static float FitScale(IReadOnlyList<float[]> scores, IReadOnlyList<int> labels)
    {
        if (scores.Count == 0)
        {
            return 1f;
        }

        // A log-spaced grid from 0.1 to 100 is coarse but robust: the likelihood is smooth and unimodal in s.
        var best = (Scale: 1f, Loss: double.PositiveInfinity);
        for (var step = 0; step <= 90; step++)
        {
            var scale = (float)Math.Pow(10, -1 + step / 30.0);
            var loss = MeanNegativeLogLikelihood(scores, labels, scale);
            if (loss < best.Loss)
            {
                best = (scale, loss);
            }
        }

        return best.Scale;
    }

    private static double MeanNegativeLogLikelihood(IReadOnlyList<float[]> scores, IReadOnlyList<int> labels, float scale)
    {
        double total = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var row = scores[i];
            var max = row.Max() * scale;
            var logSum = Math.Log(row.Sum(s => Math.Exp(s * scale - max))) + max;
            total += logSum - row[labels[i]] * scale;
        }

        return total / scores.Count;
    }
}
