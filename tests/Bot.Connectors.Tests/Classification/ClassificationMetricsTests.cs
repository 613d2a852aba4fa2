using Bot.Connectors.Classification;

namespace Bot.Connectors.Tests.Classification;

public sealed class ClassificationMetricsTests
{
    // Hand-computed: confusion rows a=[2,1,0], b=[0,1,1], c=[0,0,1].
    // a: P=2/2 R=2/3 F1=0.8; b: P=1/2 R=1/2 F1=0.5; c: P=1/2 R=1/1 F1=2/3. Accuracy 4/6, macro-F1 = 0.6556.
    private static readonly string[] Actual = ["a", "a", "a", "b", "b", "c"];
    private static readonly string[] Predicted = ["a", "a", "b", "b", "c", "c"];

    [Fact]
    public void Evaluate_TinyExample_MatchesHandComputedFigures()
    {
        var report = ClassificationMetrics.Evaluate(Actual, Predicted);

        Assert.Equal(["a", "b", "c"], report.Labels);
        Assert.Equal(6, report.Total);
        Assert.Equal(4.0 / 6, report.Accuracy, 10);
        Assert.Equal((0.8 + 0.5 + 2.0 / 3) / 3, report.MacroF1, 10);
        AssertClass(new ClassMetrics("a", 1.0, 2.0 / 3, 0.8, 3), report.PerClass[0]);
        AssertClass(new ClassMetrics("b", 0.5, 0.5, 0.5, 2), report.PerClass[1]);
        AssertClass(new ClassMetrics("c", 0.5, 1.0, 2.0 / 3, 1), report.PerClass[2]);
    }

    [Fact]
    public void Evaluate_TinyExample_ConfusionRowsAreActualColumnsPredicted()
    {
        var report = ClassificationMetrics.Evaluate(Actual, Predicted);

        Assert.Equal([2, 1, 0], report.ConfusionMatrix[0]);
        Assert.Equal([0, 1, 1], report.ConfusionMatrix[1]);
        Assert.Equal([0, 0, 1], report.ConfusionMatrix[2]);
    }

    [Fact]
    public void Evaluate_LabelNeverPredicted_ScoresZeroWithoutNaN()
    {
        var report = ClassificationMetrics.Evaluate(["x", "y"], ["x", "x"]);

        var y = report.PerClass.Single(m => m.Label == "y");
        Assert.Equal(0, y.Precision);
        Assert.Equal(0, y.F1);
        Assert.False(double.IsNaN(report.MacroF1));
        Assert.Equal((2.0 / 3 + 0) / 2, report.MacroF1, 10);
    }

    [Fact]
    public void Evaluate_ExplicitLabelOrder_IsKept()
    {
        var report = ClassificationMetrics.Evaluate(Actual, Predicted, ["c", "b", "a"]);

        Assert.Equal(["c", "b", "a"], report.Labels);
        Assert.Equal([1, 0, 0], report.ConfusionMatrix[0]);
    }

    [Fact]
    public void Evaluate_DifferentLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Evaluate(["a"], ["a", "b"]));
    }

    private static void AssertClass(ClassMetrics expected, ClassMetrics actual)
    {
        Assert.Equal(expected.Label, actual.Label);
        Assert.Equal(expected.Precision, actual.Precision, 10);
        Assert.Equal(expected.Recall, actual.Recall, 10);
        Assert.Equal(expected.F1, actual.F1, 10);
        Assert.Equal(expected.Support, actual.Support);
    }
}
