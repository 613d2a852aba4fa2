using Bot.Skills.Engine;
using Bot.Skills.Handoff;
using Bot.Skills.Language;
using Bot.Skills.Tests.Language;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Skills.Tests.Handoff;

public sealed class HandoffSummarizerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly TurnRecord[] Turns =
    [
        new("resident", "楼上装修太吵了，我电话13812345678", At),
        new("bot", "请问具体在哪里？", At),
        new("resident", "幸福里3栋", At),
    ];

    private static Task<string> SummarizeAsync(ScriptedLanguageModel model) =>
        new HandoffSummarizer(model, NullLogger<HandoffSummarizer>.Instance).SummarizeAsync(Turns, CancellationToken.None);

    [Fact]
    public async Task SummarizeAsync_ModelDisabled_OfflineSummary()
    {
        var model = new ScriptedLanguageModel { IsEnabled = false };

        Assert.Equal(HandoffTexts.Summary(Turns), await SummarizeAsync(model));
        Assert.Empty(model.Calls);
    }

    [Fact]
    public async Task SummarizeAsync_Call_OnlyTheResidentsOwnMessagesMasked()
    {
        var model = new ScriptedLanguageModel().Answer(HandoffSummarizer.PromptId, """{"summary":"居民反映楼上装修噪声"}""");

        await SummarizeAsync(model);

        var message = Assert.Single(model.Calls.Single().Arguments).Value;
        Assert.StartsWith("楼上装修太吵了，我电话138****5678\n幸福里", message);
        Assert.DoesNotContain("请问具体在哪里", message);
    }

    [Fact]
    public async Task SummarizeAsync_ModelEchoesPhoneAndRunsLong_MaskedAndCapped()
    {
        var model = new ScriptedLanguageModel().Answer(HandoffSummarizer.PromptId,
            $$"""{"summary":"居民电话13812345678，座机010-12345678，{{new string('吵', 300)}}"}""");

        var summary = await SummarizeAsync(model);

        Assert.DoesNotContain("13812345678", summary);
        Assert.DoesNotContain("12345678", summary.Replace("138****5678", string.Empty, StringComparison.Ordinal));
        Assert.True(summary.Length <= HandoffSummarizer.MaxChars + 10);
    }

    [Theory]
    [InlineData(ModelOutcome.Timeout)]
    [InlineData(ModelOutcome.InvalidOutput)]
    public async Task SummarizeAsync_ModelFails_OfflineSummary(ModelOutcome outcome)
    {
        var model = new ScriptedLanguageModel().Fail(HandoffSummarizer.PromptId, outcome);

        Assert.Equal(HandoffTexts.Summary(Turns), await SummarizeAsync(model));
    }

    [Fact]
    public async Task Open_ModelSummary_OnTheWorkersCardMasked()
    {
        var model = new ScriptedLanguageModel().Answer(HandoffSummarizer.PromptId, """{"summary":"居民反映楼上装修噪声，联系电话13900001111"}""");
        var kit = HandoffKit.Create(model: model);
        kit.Bind("r1");
        await kit.SayAsync("r1", "幸福里小区3栋楼上装修太吵了，每天早上七点就开始");

        await kit.SayAsync("r1", "转人工");

        var card = kit.Staff.Sent.Last().Card.Description;
        Assert.Contains("（摘要）居民反映楼上装修噪声", card);
        Assert.DoesNotContain("13900001111", card);
        Assert.Contains("楼上装修太吵了，每天早上七点就开始", model.CallsTo(HandoffSummarizer.PromptId).Single().Arguments["message"]);
    }
}
