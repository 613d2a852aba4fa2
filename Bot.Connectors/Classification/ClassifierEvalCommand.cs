using System.Diagnostics;

namespace Bot.Connectors.Classification;

/// <summary>
/// <c>classifier-eval</c>: trains the offline classifier on one labelled CSV and evaluates it on another
/// (or on an id-prefix split of the same file). See <see cref="ClassifierEvalArguments.Usage"/>.
/// </summary>
public static class ClassifierEvalCommand
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!ClassifierEvalArguments.TryParse(args ?? [], out var parsed, out var error) || parsed is null)
        {
            return await FailAsync(output, error, withUsage: true).ConfigureAwait(false);
        }

        try
        {
            var (train, test) = await LoadAsync(parsed, ct).ConfigureAwait(false);
            if (train.Count == 0 || test.Count == 0)
            {
                return await FailAsync(output, train.Count == 0 ? "the training set is empty" : "the test set is empty", withUsage: true)
                    .ConfigureAwait(false);
            }

            var watch = Stopwatch.StartNew();
            var model = new TextClassifierTrainer(parsed.Options).Train(train, ct);
            var trainingSeconds = watch.Elapsed.TotalSeconds;

            var (predicted, latencies) = PredictTimed(model, test, ct);
            var report = ClassificationMetrics.Evaluate(test.Select(t => t.Label).ToList(), predicted.Select(p => p.Label).ToList());
            var meanConfidence = predicted.Average(p => p.Confidence);
            await new ClassifierEvalPrinter(output).PrintAsync(parsed, train, test, model, report, trainingSeconds, meanConfidence, latencies)
                .ConfigureAwait(false);
            return Success;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return await FailAsync(output, $"cannot read input: {ex.Message}", withUsage: true).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            return await FailAsync(output, ex.Message, withUsage: true).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            return await FailAsync(output, ex.Message, withUsage: true).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync("classifier-eval: cancelled").ConfigureAwait(false);
            return Failure;
        }
        catch (Exception ex)
        {
            // The host runs this as a command: a stack trace helps nobody, a message and an exit code do.
            await output.WriteLineAsync($"classifier-eval: failed: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            return Failure;
        }
    }

    private static async Task<(IReadOnlyList<LabelledText> Train, IReadOnlyList<LabelledText> Test)> LoadAsync(
        ClassifierEvalArguments args, CancellationToken ct)
    {
        var rows = await ReadAsync(args.TrainPath, "--train", ct).ConfigureAwait(false);
        var test = args.TestPath is null
            ? rows.Where(r => r.Id.StartsWith(args.SplitPrefix!, StringComparison.Ordinal)).ToList()
            : await ReadAsync(args.TestPath, "--test", ct).ConfigureAwait(false);
        var train = rows.Where(r =>
            (args.TestPath is not null || !r.Id.StartsWith(args.SplitPrefix!, StringComparison.Ordinal))
            && (args.TrainPrefix is null || r.Id.StartsWith(args.TrainPrefix, StringComparison.Ordinal))).ToList();
        return (train, test);
    }

    private static async Task<IReadOnlyList<LabelledText>> ReadAsync(string path, string option, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{option} file '{path}' does not exist");
        }

        try
        {
            return await CsvLabelledTextReader.ReadFileAsync(path, ct).ConfigureAwait(false);
        }
        catch (LabelledTextFormatException ex)
        {
            throw new InvalidDataException($"malformed CSV {path}, {ex.Message}", ex);
        }
    }

    private static (List<TextPrediction> Predicted, double[] Microseconds) PredictTimed(
        TrainedTextClassifier model, IReadOnlyList<LabelledText> test, CancellationToken ct)
    {
        // Warm up JIT and caches so the figures describe steady-state serving, not the first call.
        foreach (var row in test.Take(32))
        {
            model.Predict(row.Text);
        }

        var predicted = new List<TextPrediction>(test.Count);
        var microseconds = new double[test.Count];
        for (var i = 0; i < test.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            predicted.Add(model.Predict(test[i].Text));
            microseconds[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        return (predicted, microseconds);
    }

    private static async Task<int> FailAsync(TextWriter output, string error, bool withUsage)
    {
        await output.WriteLineAsync($"classifier-eval: {error}").ConfigureAwait(false);
        if (withUsage)
        {
            await output.WriteLineAsync(ClassifierEvalArguments.Usage).ConfigureAwait(false);
        }

        return BadInput;
    }
}
