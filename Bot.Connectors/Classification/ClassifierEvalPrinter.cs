using System.Globalization;
using System.Text;

namespace Bot.Connectors.Classification;

/// <summary>Writes the human-readable evaluation report; every number uses the invariant culture.</summary>
internal sealed class ClassifierEvalPrinter(TextWriter output)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task PrintAsync(
        ClassifierEvalArguments args,
        IReadOnlyList<LabelledText> train,
        IReadOnlyList<LabelledText> test,
        TrainedTextClassifier model,
        ClassificationReport report,
        double trainingSeconds,
        double meanConfidence,
        double[] latencyMicroseconds)
    {
        var o = model.Options;
        var text = new StringBuilder();
        var split = args.TestPath is null ? $" (ids starting with '{args.SplitPrefix}')" : string.Empty;
        var trainFilter = args.TrainPrefix is null ? string.Empty : $" (ids starting with '{args.TrainPrefix}')";
        text.AppendLine(Invariant, $"train: {args.TrainPath}{trainFilter}: {train.Count} rows, {model.Labels.Count} labels");
        text.AppendLine(Invariant, $"test: {args.TestPath ?? args.TrainPath}{split}: {test.Count} rows");
        var unseen = report.Labels.Except(model.Labels, StringComparer.Ordinal).ToList();
        if (unseen.Count > 0)
        {
            text.AppendLine(Invariant, $"warning: test labels absent from training, never predicted: {string.Join(", ", unseen)}");
        }

        text.AppendLine(Invariant,
            $"model: {o.Trainer} (l2={o.L2Regularization?.ToString("G", Invariant) ?? "default"}, iterations={o.Iterations?.ToString(Invariant) ?? "default"}) over char {o.MinNGram}-{o.MaxNGram}-grams, {(o.SublinearTf ? "log-TF" : "TF")}{(o.UseIdf ? " x IDF" : string.Empty)}, {model.FeatureCount} features");
        text.AppendLine(Invariant, $"training_seconds={trainingSeconds:F2}");
        text.AppendLine(Invariant, $"accuracy={report.Accuracy:F4}");
        // Calibrated confidences average close to the accuracy; a large gap means over- or under-confidence.
        text.AppendLine(Invariant, $"mean_confidence={meanConfidence:F4} (confidence_scale={model.ConfidenceScale:G4})");
        text.AppendLine();
        AppendPerClass(text, report);
        text.AppendLine();
        AppendConfusion(text, report);
        text.AppendLine();

        var sorted = latencyMicroseconds.Order().ToArray();
        var p99 = sorted[Math.Clamp((int)Math.Ceiling(0.99 * sorted.Length) - 1, 0, sorted.Length - 1)];
        text.AppendLine(Invariant, $"prediction_us_mean={sorted.Average():F1}");
        text.AppendLine(Invariant, $"prediction_us_p99={p99:F1}");
        text.Append(Invariant, $"macro_f1={report.MacroF1:F4}");
        await output.WriteLineAsync(text.ToString()).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }

    private static void AppendPerClass(StringBuilder text, ClassificationReport report)
    {
        var width = Math.Max(5, report.Labels.Max(DisplayWidth));
        text.AppendLine(Invariant, $"{Pad("label", width)}  precision  recall  f1      support");
        foreach (var m in report.PerClass)
        {
            text.AppendLine(Invariant, $"{Pad(m.Label, width)}  {m.Precision,9:F4}  {m.Recall,6:F4}  {m.F1,6:F4}  {m.Support,7}");
        }

        text.AppendLine(Invariant, $"{Pad("macro", width)}  {report.PerClass.Average(m => m.Precision),9:F4}  {report.PerClass.Average(m => m.Recall),6:F4}  {report.MacroF1,6:F4}  {report.Total,7}");
    }

    private static void AppendConfusion(StringBuilder text, ClassificationReport report)
    {
        // Columns are numbered rather than named: wide CJK labels would make the matrix unreadable.
        var width = Math.Max(6, report.Labels.Max(DisplayWidth) + 5);
        text.AppendLine("confusion matrix (rows: actual, columns: predicted)");
        text.Append(Pad(string.Empty, width));
        for (var c = 0; c < report.Labels.Count; c++)
        {
            text.Append(Invariant, $"{"[" + c + "]",6}");
        }

        text.AppendLine();
        for (var r = 0; r < report.Labels.Count; r++)
        {
            text.Append(Pad($"[{r}] {report.Labels[r]}", width));
            foreach (var count in report.ConfusionMatrix[r])
            {
                text.Append(Invariant, $"{count,6}");
            }

            text.AppendLine();
        }
    }

    private static string Pad(string value, int width) => value + new string(' ', Math.Max(0, width - DisplayWidth(value)));

    /// <summary>Terminal columns: CJK and full-width characters take two.</summary>
    private static int DisplayWidth(string value) =>
        value.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
            or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1);
}
