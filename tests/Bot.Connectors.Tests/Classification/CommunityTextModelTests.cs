using System.Collections.Concurrent;
using System.Text;
using Bot.Connectors.Classification;
using Bot.Skills.Complaints;
using Bot.TestSupport.Classification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Tests.Classification;

public sealed class CommunityTextModelTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("community-model-tests-");
    private readonly RecordingLogger _log = new();

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData("楼上半夜装修噪音太大", ComplaintCategories.Noise, Colour.Yellow)]
    [InlineData("楼道里有很浓的煤气味", ComplaintCategories.Safety, Colour.Red)]
    [InlineData("请问办居住证需要什么材料", ComplaintCategories.Consultation, Colour.Green)]
    public void Guess_TrainsFromTheFile_AndPredictsCategoryAndColour(string text, string category, Colour colour)
    {
        var guess = Model(CommunityTrainingSet.WriteTo(_dir.FullName)).Guess(text);

        Assert.Equal((category, colour), (guess.Category, guess.Colour));
        Assert.InRange(guess.CategoryConfidence, 0.0, 1.0);
        Assert.InRange(guess.ColourConfidence, 0.0, 1.0);
    }

    [Fact]
    public async Task ConcurrentFirstUse_TrainsOnce_AndEveryoneGetsTheSameAnswer()
    {
        var model = Model(CommunityTrainingSet.WriteTo(_dir.FullName));
        using var start = new Barrier(8);

        var guesses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return model.Guess("垃圾桶满了臭气熏天");
        })));

        Assert.Single(guesses.Distinct());
        Assert.Single(_log.Messages, m => m.Contains("category and colour", StringComparison.Ordinal));
        Assert.Contains($"{CommunityTrainingSet.Count} rows", _log.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TrainingDataPath_IsWhatTheModelLearns()
    {
        // A city whose own file files every noise message under property: the model must follow the file.
        var path = Path.Combine(_dir.FullName, "city.csv");
        File.WriteAllText(path, CommunityTrainingSet.Csv(c => c == ComplaintCategories.Noise ? ComplaintCategories.Property : c));

        Assert.Equal(ComplaintCategories.Property, Model(path).Guess("楼上半夜装修噪音太大").Category);
    }

    [Theory]
    [InlineData("id,text,label\n1,楼上很吵,noise\n", "must name the columns id, text, category and colour")]
    [InlineData("id,text,category,colour\n1,楼上很吵,karaoke,yellow\n", "line 2: category 'karaoke'")]
    [InlineData("id,text,category,colour\n1,楼上很吵,noise,purple\n", "line 2: colour 'purple'")]
    [InlineData("id,text,category,colour\n1,楼上很吵,noise\n", "line 2: expected 4 fields")]
    [InlineData("id,text,category,colour\n1,楼上很吵,noise,yellow\n", "at least two different labels")]
    [InlineData("", "the file is empty")]
    public void BadTrainingFile_FailsAtWarmUp_NamingTheFileAndProblem(string content, string problem)
    {
        var path = Path.Combine(_dir.FullName, "bad.csv");
        File.WriteAllText(path, content, new UTF8Encoding(false));

        var error = Assert.Throws<InvalidOperationException>(Model(path).Warm);

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmbeddedTrainingSet_LoadsWhenPresent_OrFailsWithAClearMessage()
    {
        var model = Model(trainingPath: null);
        if (typeof(CommunityTextModel).Assembly.GetManifestResourceInfo(CommunityTextModel.EmbeddedResourceName) is null)
        {
            var error = Assert.Throws<InvalidOperationException>(model.Warm);
            Assert.Contains(CommunityTextModel.EmbeddedResourceName, error.Message, StringComparison.Ordinal);
            Assert.Contains("Complaints:TrainingDataPath", error.Message, StringComparison.Ordinal);
        }
        else
        {
            model.Warm();
            Assert.True(ComplaintCategories.IsKnown(model.Guess("楼道里有很浓的煤气味").Category));
        }
    }

    [Fact]
    public void DepartmentModel_PredictsDepartmentsWhenConfigured_NullOtherwise()
    {
        var training = CommunityTrainingSet.WriteTo(_dir.FullName);
        var departments = Path.Combine(_dir.FullName, "departments.csv");
        File.WriteAllText(departments, "id,text,label\n" + string.Concat(Enumerable.Range(0, 6).Select(i =>
            $"e{i},第{i}次投诉饭店油烟太大,区生态环境局\nw{i},第{i}次反映自来水水压太低,区水务集团\n")));

        var routed = Model(training, departments).GuessDepartment("饭店油烟太大了");

        Assert.Equal("区生态环境局", routed?.Department);
        Assert.Null(Model(training).GuessDepartment("饭店油烟太大了"));
    }

    private CommunityTextModel Model(string? trainingPath, string? departmentPath = null) => new(
        Options.Create(new ComplaintModelOptions { TrainingDataPath = trainingPath, DepartmentModelPath = departmentPath }), TimeProvider.System, _log);

    private sealed class RecordingLogger : ILogger<CommunityTextModel>
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => [.. _messages];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _messages.Enqueue(formatter(state, exception));
    }
}
