using Bot.Connectors.Classification;

namespace Bot.Connectors.Tests.Classification;

public sealed class ConfidenceCalibratorTests
{
    [Fact]
    public void FitScale_RightSixTimesInTen_GivesSixtyPercentConfidence()
    {
        // Two classes, the winner leads by 1 every time but is right only 60% of the time:
        // the likelihood is best when sigmoid(scale) = 0.6, i.e. scale = ln 1.5 ≈ 0.405.
        var scores = Enumerable.Range(0, 10).Select(_ => new[] { 1f, 0f }).ToArray();
        var labels = Enumerable.Range(0, 10).Select(i => i < 6 ? 0 : 1).ToArray();

        var scale = ConfidenceCalibrator.FitScale(scores, labels);

        Assert.InRange(scale, 0.37f, 0.44f);
    }

    [Fact]
    public void FitScale_AlwaysRight_SharpensBeyondOne()
    {
        var scores = Enumerable.Range(0, 10).Select(_ => new[] { 0.5f, 0f, -0.5f }).ToArray();

        var scale = ConfidenceCalibrator.FitScale(scores, new int[10]);

        Assert.True(scale > 10, $"scale {scale}");
    }

    [Fact]
    public void FitScale_NoExamples_IsOne()
    {
        Assert.Equal(1f, ConfidenceCalibrator.FitScale([], []));
    }
}
