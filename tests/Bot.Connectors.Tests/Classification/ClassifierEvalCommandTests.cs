using System.Text.RegularExpressions;
using Bot.Connectors.Classification;

namespace Bot.Connectors.Tests.Classification;

public sealed class ClassifierEvalCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("classifier-eval-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task RunAsync_TrainAndTestFiles_PrintsReportEndingInMacroF1()
    {
        var train = Write("train.csv", SyntheticComplaints.ToCsv(SyntheticComplaints.Train()));
        var test = Write("test.csv", SyntheticComplaints.ToCsv(SyntheticComplaints.HeldOut()));
        var output = new StringWriter();

        var code = await ClassifierEvalCommand.RunAsync(["classifier-eval", "--train", train, "--test", test], output, default);

        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.Matches(@"^macro_f1=[01]\.\d{4}$", LastLine(text));
        Assert.Contains("accuracy=", text, StringComparison.Ordinal);
        Assert.Contains("confusion matrix", text, StringComparison.Ordinal);
        Assert.Contains("prediction_us_p99=", text, StringComparison.Ordinal);
        Assert.Contains("training_seconds=", text, StringComparison.Ordinal);
        Assert.Contains("80 rows", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SplitPrefix_TestsOnRowsWhoseIdStartsWithIt()
    {
        var all = SyntheticComplaints.Train().Concat(SyntheticComplaints.HeldOut());
        var path = Write("all.csv", SyntheticComplaints.ToCsv(all));
        var output = new StringWriter();

        var code = await ClassifierEvalCommand.RunAsync(["--train", path, "--split-prefix", "test-"], output, default);

        Assert.Equal(0, code);
        Assert.Contains($"{SyntheticComplaints.HeldOut().Count} rows", output.ToString(), StringComparison.Ordinal);
        var f1 = double.Parse(LastLine(output.ToString())["macro_f1=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(f1 >= 0.9, $"macro-F1 {f1}");
    }

    [Fact]
    public async Task RunAsync_TrainPrefix_TrainsOnlyOnMatchingRows()
    {
        var all = SyntheticComplaints.Train().Concat(SyntheticComplaints.HeldOut())
            .Append(new LabelledText("other-1", "无关", "unused"));
        var path = Write("all.csv", SyntheticComplaints.ToCsv(all));
        var output = new StringWriter();

        var code = await ClassifierEvalCommand.RunAsync(
            ["--train", path, "--split-prefix", "test-", "--train-prefix", "train-"], output, default);

        Assert.Equal(0, code);
        Assert.Contains($"{SyntheticComplaints.Train().Count} rows, 4 labels", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--train")]
    [InlineData("--test x.csv")]
    [InlineData("--train a.csv --test b.csv --split-prefix t")]
    [InlineData("--train a.csv --split-prefix t --bogus")]
    [InlineData("--train a.csv --split-prefix t --trainer forest")]
    [InlineData("--train a.csv --split-prefix t --max-ngram 0")]
    public async Task RunAsync_BadArguments_PrintsUsageAndReturns2(string commandLine)
    {
        var output = new StringWriter();

        var code = await ClassifierEvalCommand.RunAsync(
            commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), output, default);

        Assert.Equal(2, code);
        Assert.Contains("usage: classifier-eval", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingFile_Returns2()
    {
        var output = new StringWriter();

        var code = await ClassifierEvalCommand.RunAsync(
            ["--train", Path.Combine(directory, "nope.csv"), "--test", Path.Combine(directory, "nope2.csv")], output, default);

        Assert.Equal(2, code);
        Assert.Contains("does not exist", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MalformedCsv_Returns2NamingTheLine()
    {
        var train = Write("bad.csv", "id,text,label\n1,太吵,noise\n2,\"没有结束,parking\n");
        var output = new StringWriter();

        var code = await ClassifierEvalCommand.RunAsync(["--train", train, "--split-prefix", "2"], output, default);

        Assert.Equal(2, code);
        Assert.Contains("line 3", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PrefixMatchingNothing_Returns2()
    {
        var train = Write("train.csv", SyntheticComplaints.ToCsv(SyntheticComplaints.Train()));
        var output = new StringWriter();

        var code = await ClassifierEvalCommand.RunAsync(["--train", train, "--split-prefix", "zzz"], output, default);

        Assert.Equal(2, code);
        Assert.Contains("test set is empty", output.ToString(), StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string LastLine(string text) =>
        text.TrimEnd().Split('\n').Last().TrimEnd('\r');
}
