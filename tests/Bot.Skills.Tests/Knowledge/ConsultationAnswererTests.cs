using Bot.Skills.Knowledge;

namespace Bot.Skills.Tests.Knowledge;

public sealed class ConsultationAnswererTests
{
    [Fact]
    public async Task AnswerAsync_RelevantEntry_AnswerAsWrittenWithSource()
    {
        var answerer = new ConsultationAnswerer(KnowledgeFixture.Create().Retriever);

        var answer = await answerer.AnswerAsync("电动车能拉线充电吗？", CancellationToken.None);

        Assert.True(answer.Answered);
        Assert.Equal("ebike-charging", answer.Match!.Entry.Id);
        Assert.StartsWith(answer.Match.Entry.Answer, answer.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n来源：街道消防安全办", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("asdf")]
    public async Task AnswerAsync_NothingRelevant_SaysSoAndOffersAPerson(string question)
    {
        var answerer = new ConsultationAnswerer(KnowledgeFixture.Create().Retriever);

        var answer = await answerer.AnswerAsync(question, CancellationToken.None);

        Assert.False(answer.Answered);
        Assert.Equal(ConsultationAnswerer.NoAnswerText, answer.Text);
        Assert.StartsWith("这个问题我暂时答不上来", answer.Text, StringComparison.Ordinal);
        Assert.Contains("回复“转人工”联系网格员", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_EmptyKnowledgeBase_OffersAPerson()
    {
        var answerer = new ConsultationAnswerer(KnowledgeFixture.Create([]).Retriever);

        Assert.Equal(ConsultationAnswerer.NoAnswerText, (await answerer.AnswerAsync("居住证怎么办", CancellationToken.None)).Text);
    }
}
