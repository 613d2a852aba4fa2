using Bot.Skills.Complaints;
using Bot.Skills.Greeting;
using Bot.Skills.Groups;
using Bot.Skills.Tests.Complaints;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Tests.Groups;

public sealed class GroupAssistantTests
{
    private static readonly GroupContext Community = new("wrkA", GroupScopeKind.Community, "幸福社区", null, null, null, null);

    [Fact]
    public async Task AnswerAsync_SeveralSources_LowestOrderThatAnswersWins()
    {
        var assistant = Create([new Fixed(300, "场地答案"), new Fixed(50, null), new Fixed(100, "活动答案")]);

        Assert.Equal("活动答案", await AskAsync(assistant, "明天的夜市在哪"));
    }

    [Fact]
    public async Task AnswerAsync_LongAnswer_CutToMaxReplyChars()
    {
        var assistant = Create([new Fixed(1, new string('长', 500))], maxChars: 80);

        var reply = await AskAsync(assistant, "夜市在哪");

        Assert.Equal(80, reply.Length);
        Assert.EndsWith("…", reply);
    }

    [Fact]
    public async Task AnswerAsync_QuestionNamingAComplaintTopic_NotTreatedAsAComplaint()
    {
        var classifier = new KeywordClassifier().On("夜市", "street_vending");

        var reply = await AskAsync(Create([], classifier), "明天的夜市在哪");

        Assert.StartsWith("这个问题我暂时答不上来", reply);
    }

    [Fact]
    public async Task AnswerAsync_StatementOfAProblem_SentPrivatelyToTheConfiguredAccount()
    {
        var classifier = new KeywordClassifier().On("太吵", "noise");

        var reply = await AskAsync(Create([new Fixed(1, null)], classifier, account: "幸福社区服务号"), "楼下广场舞太吵了");

        Assert.Contains("公众号“幸福社区服务号”", reply);
        Assert.StartsWith("收到。具体情况请私聊我", reply);
    }

    [Fact]
    public async Task AnswerAsync_PersonalDataInQuestion_SourcesNeverAsked()
    {
        var source = new Fixed(1, "不该出现");

        var reply = await AskAsync(Create([source]), "我电话13812345678，夜市在哪");

        Assert.Equal(0, source.Calls);
        Assert.DoesNotContain("13812345678", reply);
    }

    [Fact]
    public async Task AnswerAsync_HowToComplain_AnsweredByGuidanceNotRedirected()
    {
        var community = Options.Create(new CommunityOptions());
        var guidance = new GuidanceGroupAnswers(community, Options.Create(new GroupOptions()));

        var reply = await AskAsync(Create([guidance], new KeywordClassifier().On("投诉", "noise")), "怎么投诉物业？");

        Assert.StartsWith("反映问题请私聊我，或在公众号“幸福社区”发送文字、照片或位置", reply);
    }

    [Fact]
    public async Task AnswerAsync_OnlyTheMention_ShowsWhatCanBeAskedInGroups()
    {
        Assert.StartsWith("您好，我是睦邻助手。", await AskAsync(Create([]), "  "));
    }

    [Fact]
    public async Task PublicMatterAnswers_QuestionWithoutProgressWords_NotAnswered()
    {
        var source = new PublicMatterGroupAnswers(new NoMatters());

        Assert.Null(await source.AnswerAsync(new GroupQuestion(Community, "u", "路灯在哪", DateTimeOffset.UnixEpoch), CancellationToken.None));
        Assert.Contains("暂未查到幸福社区", await source.AnswerAsync(new GroupQuestion(Community, "u", "路灯修了吗", DateTimeOffset.UnixEpoch), CancellationToken.None));
    }

    private static Task<string> AskAsync(GroupAssistant assistant, string text) =>
        assistant.AnswerAsync(new GroupQuestion(Community, "zhangsan", text, DateTimeOffset.UnixEpoch), CancellationToken.None);

    private static GroupAssistant Create(IGroupAnswerSource[] sources, IComplaintClassifier? classifier = null, int maxChars = 300, string account = "")
    {
        var community = Options.Create(new CommunityOptions());
        return new GroupAssistant(sources, classifier ?? new KeywordClassifier(), new GroupReplyGuard(community),
            Options.Create(new GroupOptions { MaxReplyChars = maxChars, OfficialAccountName = account }), community, NullLogger<GroupAssistant>.Instance);
    }

    private sealed class Fixed(int order, string? answer) : IGroupAnswerSource
    {
        public int Calls;

        public int Order => order;

        public ValueTask<string?> AnswerAsync(GroupQuestion question, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(answer);
        }
    }

    private sealed class NoMatters : IPublicMatters
    {
        public Task<IReadOnlyList<PublicMatter>> SearchAsync(GroupContext group, string text, int max, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PublicMatter>>([]);
    }
}
