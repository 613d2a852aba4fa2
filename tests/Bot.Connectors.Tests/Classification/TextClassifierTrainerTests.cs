using Bot.Connectors.Classification;

namespace Bot.Connectors.Tests.Classification;

public sealed class TextClassifierTrainerTests(SyntheticModelFixture fixture) : IClassFixture<SyntheticModelFixture>
{
    [Fact]
    public void Train_SyntheticComplaints_ClassifiesHeldOutVariants()
    {
        var heldOut = SyntheticComplaints.HeldOut();

        var report = ClassificationMetrics.Evaluate(
            heldOut.Select(r => r.Label).ToList(), heldOut.Select(r => fixture.Model.Predict(r.Text).Label).ToList());

        Assert.True(report.Accuracy >= 0.95, $"accuracy {report.Accuracy:F3} on held-out variants");
    }

    [Theory]
    [InlineData(LinearTrainerKind.SdcaMaximumEntropy)]
    [InlineData(LinearTrainerKind.LbfgsMaximumEntropy)]
    [InlineData(LinearTrainerKind.OneVersusAllAveragedPerceptron)]
    public void Train_OtherTrainers_AlsoLearnTheSyntheticSet(LinearTrainerKind trainer)
    {
        var model = new TextClassifierTrainer(TextClassifierOptions.ForTrainer(trainer)).Train(SyntheticComplaints.Train());
        var heldOut = SyntheticComplaints.HeldOut();

        var correct = heldOut.Count(r => model.Predict(r.Text).Label == r.Label);

        Assert.True(correct >= heldOut.Count * 0.9, $"{trainer}: {correct}/{heldOut.Count}");
    }

    [Fact]
    public void Predict_AnyText_RanksEveryLabelWithScoresSummingToOne()
    {
        var prediction = fixture.Model.Predict("半夜楼上装修太吵");

        Assert.Equal("noise", prediction.Label);
        Assert.Equal(fixture.Model.Labels.Count, prediction.Ranked.Count);
        Assert.Equal(prediction.Label, prediction.Ranked[0].Label);
        Assert.Equal(prediction.Confidence, prediction.Ranked[0].Score);
        Assert.Equal(1f, prediction.Ranked.Sum(r => r.Score), 3);
        Assert.True(prediction.Ranked.Zip(prediction.Ranked.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("完全无关的内容xyz")]
    public void Predict_EmptyOrUnknownText_ReturnsAValidPrediction(string text)
    {
        var prediction = fixture.Model.Predict(text);

        Assert.Contains(prediction.Label, fixture.Model.Labels);
        Assert.InRange(prediction.Confidence, 0f, 1f);
    }

    [Fact]
    public void Predict_ParallelCalls_MatchSequentialResults()
    {
        var texts = SyntheticComplaints.HeldOut().Concat(SyntheticComplaints.Train()).Select(r => r.Text).ToArray();
        var sequential = texts.Select(t => fixture.Model.Predict(t)).ToArray();

        var parallel = new TextPrediction[texts.Length * 8];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => parallel[i] = fixture.Model.Predict(texts[i % texts.Length]));

        for (var i = 0; i < parallel.Length; i++)
        {
            var expected = sequential[i % texts.Length];
            Assert.Equal(expected.Label, parallel[i].Label);
            Assert.Equal(expected.Ranked, parallel[i].Ranked);
        }
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalPredictions()
    {
        using var stream = new MemoryStream();
        fixture.Model.Save(stream);
        stream.Position = 0;

        var loaded = TrainedTextClassifier.Load(stream);

        Assert.Equal(fixture.Model.Labels, loaded.Labels);
        Assert.Equal(fixture.Model.Options, loaded.Options);
        foreach (var row in SyntheticComplaints.HeldOut())
        {
            Assert.Equal(fixture.Model.Predict(row.Text).Ranked, loaded.Predict(row.Text).Ranked);
        }
    }

    [Fact]
    public void Load_GarbageStream_ThrowsInvalidData()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5]);

        Assert.Throws<InvalidDataException>(() => TrainedTextClassifier.Load(stream));
    }

    [Fact]
    public void Train_SingleLabel_Throws()
    {
        var rows = new[] { new LabelledText("1", "太吵", "noise"), new LabelledText("2", "很吵", "noise") };

        Assert.Throws<ArgumentException>(() => new TextClassifierTrainer().Train(rows));
    }

    [Fact]
    public void Train_SameData_IsDeterministic()
    {
        var again = new TextClassifierTrainer().Train(SyntheticComplaints.Train());

        foreach (var row in SyntheticComplaints.HeldOut())
        {
            Assert.Equal(fixture.Model.Predict(row.Text).Ranked, again.Predict(row.Text).Ranked);
        }
    }
}
