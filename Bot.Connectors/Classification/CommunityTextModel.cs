using System.Text;
using Bot.Skills.Complaints;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Classification;

/// <summary>
/// The offline <see cref="ICommunityTextModel"/>: two <see cref="TrainedTextClassifier"/>s (category, colour)
/// trained in process from the embedded community training set or <c>Complaints:TrainingDataPath</c>, and,
/// when <c>Complaints:DepartmentModelPath</c> is set, a third one that routes to departments. Training happens
/// once, on first use or in <see cref="Warm"/>, whichever comes first; concurrent callers wait for the same fit.
/// </summary>
public sealed partial class CommunityTextModel : ICommunityTextModel, IDepartmentModel
{
    public const string EmbeddedResourceName = "Bot.Connectors.Classification.Data.community-messages.csv";

    private readonly ComplaintModelOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<CommunityTextModel> logger;
    private readonly Lazy<(TrainedTextClassifier Category, TrainedTextClassifier Colour)> models;
    private readonly Lazy<TrainedTextClassifier?> departments;

    public CommunityTextModel(IOptions<ComplaintModelOptions> options, TimeProvider clock, ILogger<CommunityTextModel> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        // ExecutionAndPublication: one fit however many residents arrive at once; a failure is kept and rethrown.
        models = new(TrainComplaintModels, LazyThreadSafetyMode.ExecutionAndPublication);
        departments = new(TrainDepartmentModel, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Trains every configured model now; throws <see cref="InvalidOperationException"/> naming the bad source.</summary>
    public void Warm()
    {
        _ = models.Value;
        _ = departments.Value;
    }

    public CommunityGuess Guess(string text)
    {
        var (categoryModel, colourModel) = models.Value;
        var category = categoryModel.Predict(text);
        var colour = colourModel.Predict(text);
        // Labels were stored as colour codes at training time, so parsing cannot fail here.
        Colours.TryParse(colour.Label, out var parsed);
        return new CommunityGuess(category.Label, category.Confidence, parsed, colour.Confidence);
    }

    public DepartmentGuess? GuessDepartment(string text) =>
        departments.Value?.Predict(text) is { } prediction ? new DepartmentGuess(prediction.Label, prediction.Confidence) : null;

    private (TrainedTextClassifier, TrainedTextClassifier) TrainComplaintModels()
    {
        var source = options.TrainingDataPath ?? $"embedded resource {EmbeddedResourceName}";
        var started = clock.GetTimestamp();
        try
        {
            var rows = CommunityMessageCsv.Parse(options.TrainingDataPath is { } path ? ReadFile(path) : ReadEmbedded());
            var trainer = new TextClassifierTrainer();
            var category = trainer.Train(rows.Select(r => new LabelledText(r.Id, r.Text, r.Category)).ToList());
            var colour = trainer.Train(rows.Select(r => new LabelledText(r.Id, r.Text, r.Colour.Code())).ToList());
            LogTrained("category and colour", rows.Count, source, clock.GetElapsedTime(started).TotalMilliseconds);
            return (category, colour);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            throw new InvalidOperationException($"Cannot train the complaint classifier from {source}: {e.Message}", e);
        }
    }

    private TrainedTextClassifier? TrainDepartmentModel()
    {
        if (options.DepartmentModelPath is not { } path)
        {
            return null;
        }

        var started = clock.GetTimestamp();
        try
        {
            var rows = CsvLabelledTextReader.Parse(ReadFile(path));
            var model = new TextClassifierTrainer().Train(rows);
            LogTrained("department", rows.Count, path, clock.GetElapsedTime(started).TotalMilliseconds);
            return model;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            throw new InvalidOperationException($"Cannot train the department router from Complaints:DepartmentModelPath {path}: {e.Message}", e);
        }
    }

    private static string ReadFile(string path) => File.ReadAllText(path, new UTF8Encoding(false));

    private static string ReadEmbedded()
    {
        using var stream = typeof(CommunityTextModel).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException(
                $"The embedded training set {EmbeddedResourceName} is missing from Bot.Connectors. Add " +
                "Classification/Data/community-messages.csv (id,text,category,colour) as an EmbeddedResource with that " +
                "LogicalName, or set Complaints:TrainingDataPath to such a CSV.");
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained the {Model} model on {Rows} rows from {Source} in {Milliseconds:0} ms")]
    private partial void LogTrained(string model, int rows, string source, double milliseconds);
}
