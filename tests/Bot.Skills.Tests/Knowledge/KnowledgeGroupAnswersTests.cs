using Bot.Skills.Groups;
using Bot.Skills.Knowledge;

namespace Bot.Skills.Tests.Knowledge;

public sealed class KnowledgeGroupAnswersTests
{
    private static readonly KnowledgeGroupAnswers Answers = new(KnowledgeFixture.Create().Retriever);

    [Fact]
    public async Task AnswerAsync_KnownQuestion_EntryWithSource()
    {
        var answer = await Answers.AnswerAsync(Question("垃圾分类几点投放？"), CancellationToken.None);

        Assert.EndsWith("来源：街道城管科", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_UnrelatedQuestion_Null()
    {
        Assert.Null(await Answers.AnswerAsync(Question("今天天气怎么样"), CancellationToken.None));
    }

    private static GroupQuestion Question(string text) =>
        new(new GroupContext("wrkA", GroupScopeKind.Community, "幸福社区", null, null, null, null), "user-1", text, DateTimeOffset.UnixEpoch);
}
