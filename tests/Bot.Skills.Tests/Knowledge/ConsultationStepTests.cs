using Bot.Skills.Complaints;
using Bot.Skills.Knowledge;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Tests.Knowledge;

public sealed class ConsultationStepTests
{
    private static readonly ConsultationStep Step =
        new(new ConsultationAnswerer(KnowledgeFixture.Create().Retriever), Options.Create(new KnowledgeOptions()));

    private static ComplaintAssessment Assessed(string category, Colour colour = Colour.Green) =>
        new(category, colour, 0.8, "社区党群服务中心", [], null);

    [Fact]
    public async Task TryAnswerAsync_ConsultationAnswered_AnswerWithSourceAndHumanHint()
    {
        var result = await Step.TryAnswerAsync("电动车能拉线充电吗？", Assessed(ComplaintCategories.Consultation), CancellationToken.None);

        Assert.True(result!.Answered);
        Assert.Contains("来源：街道消防安全办", result.Text, StringComparison.Ordinal);
        Assert.EndsWith(ConsultationStep.HumanHint, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryAnswerAsync_ConsultationUnanswered_FiledNote()
    {
        var result = await Step.TryAnswerAsync("今天天气怎么样", Assessed(ComplaintCategories.Consultation), CancellationToken.None);

        Assert.False(result!.Answered);
        Assert.Equal(ConsultationStep.FiledNote, result.Text);
    }

    [Fact]
    public async Task TryAnswerAsync_OtherGreenQuestionAnsweredConfidently_Answered()
    {
        var result = await Step.TryAnswerAsync("低保怎么申请？", Assessed(ComplaintCategories.Assistance), CancellationToken.None);

        Assert.True(result!.Answered);
        Assert.Contains("来源：区民政局社会救助科", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("电动车在楼道里充电太危险了", ComplaintCategories.Assistance, Colour.Green)]
    [InlineData("电动车能拉线充电吗？", "fire_safety", Colour.Yellow)]
    [InlineData("公园的开放时间？", ComplaintCategories.Suggestion, Colour.Green)]
    public async Task TryAnswerAsync_NotForKnowledgeBase_Null(string text, string category, Colour colour)
    {
        Assert.Null(await Step.TryAnswerAsync(text, Assessed(category, colour), CancellationToken.None));
    }
}
