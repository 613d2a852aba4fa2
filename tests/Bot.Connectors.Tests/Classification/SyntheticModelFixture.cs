using Bot.Connectors.Classification;

namespace Bot.Connectors.Tests.Classification;

/// <summary>Trains once per test class: ML.NET fits are the slow part of these tests.</summary>
public sealed class SyntheticModelFixture
{
    public TrainedTextClassifier Model { get; } = new TextClassifierTrainer().Train(SyntheticComplaints.Train());
}
