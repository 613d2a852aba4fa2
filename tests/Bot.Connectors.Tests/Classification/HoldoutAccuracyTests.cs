using System.Text;
using Bot.Connectors.Classification;
using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Safety;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Bot.Connectors.Tests.Classification;

/// <summary>
/// The offline engine (embedded training set + safety rules + assessor) on the held-out messages, written in
/// another style than the training set. Red recall matters most: a missed emergency is the worst error.
/// </summary>
public sealed class HoldoutAccuracyTests(ITestOutputHelper output)
{
    private static readonly Lazy<ComplaintAssessor> Assessor = new(() =>
    {
        var model = new CommunityTextModel(Options.Create(new ComplaintModelOptions()), TimeProvider.System, NullLogger<CommunityTextModel>.Instance);
        return new ComplaintAssessor(model, new SafetyRules(), Options.Create(new ComplaintOptions()));
    });

    [Fact]
    public void Assess_Holdout_MeetsAccuracyAndRedRecall()
    {
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Classification", "Data", "community-holdout.csv"), Encoding.UTF8)
            .Skip(1).Select(Split).ToList();
        int category = 0, colour = 0, red = 0, redFound = 0, falseRed = 0;
        var misses = new List<string>();
        foreach (var (text, expectedCategory, expectedColour) in rows)
        {
            var result = Assessor.Value.Assess(text);
            category += result.Category == expectedCategory ? 1 : 0;
            colour += result.Colour.Code() == expectedColour ? 1 : 0;
            if (expectedColour == "red")
            {
                red++;
                redFound += result.Colour == Colour.Red ? 1 : 0;
            }
            else if (result.Colour == Colour.Red)
            {
                falseRed++;
            }

            if (result.Category != expectedCategory || result.Colour.Code() != expectedColour)
            {
                misses.Add($"{expectedCategory}/{expectedColour} → {result.Category}/{result.Colour.Code()}: {text}");
            }
        }

        output.WriteLine($"rows={rows.Count} category_accuracy={(double)category / rows.Count:F3} colour_accuracy={(double)colour / rows.Count:F3} red_recall={(double)redFound / red:F3} false_red={falseRed}");
        misses.ForEach(output.WriteLine);
        Assert.True((double)category / rows.Count >= 0.83, $"category accuracy {(double)category / rows.Count:F3}");
        Assert.True((double)colour / rows.Count >= 0.88, $"colour accuracy {(double)colour / rows.Count:F3}");
        Assert.Equal(red, redFound);
        Assert.True(falseRed <= 2, $"{falseRed} non-red messages graded red");
    }

    /// <summary>id,text,category,colour — the text may be quoted.</summary>
    private static (string Text, string Category, string Colour) Split(string line)
    {
        var parts = line.Split(',');
        var text = string.Join(',', parts[1..^2]).Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal);
        return (text, parts[^2], parts[^1]);
    }
}
