using System.Text;
using Bot.Connectors.Classification;
using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Safety;

namespace Bot.Connectors.Tests.Classification;

/// <summary>Guards the hand-written community data: shape, balance, and agreement with the safety rules.</summary>
public sealed class CommunityDataTests
{
    private const string TrainingResource = "Bot.Connectors.Classification.Data.community-messages.csv";
    private static readonly string[] Header = ["id", "text", "category", "colour"];

    private static readonly Lazy<(List<string> Header, List<Row> Rows)> Training = new(() => Parse(ReadTraining()));
    private static readonly Lazy<(List<string> Header, List<Row> Rows)> Holdout = new(() =>
        Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Classification", "Data", "community-holdout.csv"), Encoding.UTF8)));

    [Fact]
    public void Files_HaveTheContractHeader()
    {
        Assert.Equal(Header, Training.Value.Header);
        Assert.Equal(Header, Holdout.Value.Header);
    }

    [Theory]
    [InlineData(true, 70)]
    [InlineData(false, 15)]
    public void Files_EveryCategoryHasEnoughRows(bool training, int minimum)
    {
        var rows = (training ? Training : Holdout).Value.Rows;
        var thin = ComplaintCategories.All
            .Select(c => (Category: c, Count: rows.Count(r => r.Category == c)))
            .Where(x => x.Count < minimum)
            .ToList();
        Assert.True(thin.Count == 0, "too few rows: " + string.Join(", ", thin));
    }

    [Fact]
    public void Training_HasEnoughRedAndOrangeSpreadOverCategories()
    {
        var rows = Training.Value.Rows;
        foreach (var colour in new[] { "red", "orange" })
        {
            var ofColour = rows.Where(r => r.Colour == colour).ToList();
            Assert.True(ofColour.Count >= 90, $"{colour}: {ofColour.Count} rows");
            Assert.True(ofColour.Select(r => r.Category).Distinct().Count() >= 5, $"{colour} rows sit in too few categories");
        }

        Assert.Contains(rows, r => r.Colour == "yellow");
        Assert.Contains(rows, r => r.Colour == "green");
    }

    [Fact]
    public void Files_CodesValidIdsUniqueAndNoSharedText()
    {
        var all = Training.Value.Rows.Concat(Holdout.Value.Rows).ToList();
        Assert.All(all, r => Assert.True(ComplaintCategories.IsKnown(r.Category), $"{r.Id}: category '{r.Category}'"));
        Assert.All(all, r => Assert.True(Colours.TryParse(r.Colour, out _) && r.Colour == r.Colour.ToLowerInvariant(), $"{r.Id}: colour '{r.Colour}'"));
        Assert.All(all, r => Assert.False(string.IsNullOrWhiteSpace(r.Text), $"{r.Id}: empty text"));

        var duplicateIds = all.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicateIds.Count == 0, "duplicate ids: " + string.Join(", ", duplicateIds));

        var trainingTexts = Training.Value.Rows.Select(r => Normalise(r.Text)).ToHashSet(StringComparer.Ordinal);
        var shared = Holdout.Value.Rows.Where(r => trainingTexts.Contains(Normalise(r.Text))).Select(r => r.Id).ToList();
        Assert.True(shared.Count == 0, "holdout text also in training: " + string.Join(", ", shared));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SafetyRules_AgreeWithRedLabels(bool training)
    {
        var rules = new SafetyRules();
        var rows = (training ? Training : Holdout).Value.Rows;
        var verdicts = rows.Select(r => (Row: r, Red: rules.Evaluate(r.Text).Floor == Colour.Red)).ToList();
        var red = verdicts.Where(v => v.Row.Colour == "red").ToList();
        var notRed = verdicts.Where(v => v.Row.Colour != "red").ToList();
        var missed = red.Where(v => !v.Red).Select(v => $"missed {v.Row.Id}: {v.Row.Text}").ToList();
        var falseAlarms = notRed.Where(v => v.Red).Select(v => $"false red {v.Row.Id} ({v.Row.Colour}): {v.Row.Text}").ToList();

        var recall = 1.0 - (double)missed.Count / red.Count;
        var falseRate = (double)falseAlarms.Count / notRed.Count;
        var detail = $"recall {recall:P1} of {red.Count}, false red {falseRate:P1} of {notRed.Count}\n" + string.Join('\n', missed.Concat(falseAlarms));
        Assert.True(recall >= 0.90 && falseRate <= 0.03, detail);
    }

    private static string ReadTraining()
    {
        using var stream = typeof(CsvLabelledTextReader).Assembly.GetManifestResourceStream(TrainingResource)
            ?? throw new InvalidOperationException($"resource {TrainingResource} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static (List<string> Header, List<Row> Rows) Parse(string content)
    {
        var scanner = new CsvRecordScanner(content.TrimStart('\uFEFF'));
        Assert.True(scanner.TryNext(out var header, out _), "empty file");
        var rows = new List<Row>();
        while (scanner.TryNext(out var fields, out var line))
        {
            if (fields is [""])
            {
                continue;
            }

            Assert.True(fields.Count == 4, $"line {line}: {fields.Count} fields");
            rows.Add(new Row(fields[0], fields[1], fields[2], fields[3]));
        }

        return (header, rows);
    }

    // Spaces and punctuation differ between copies of the same sentence; compare what is left.
    private static string Normalise(string text) => new([.. text.Where(char.IsLetterOrDigit)]);

    private sealed record Row(string Id, string Text, string Category, string Colour);
}
