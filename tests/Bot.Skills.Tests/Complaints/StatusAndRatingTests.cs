using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Tests.Engine;

namespace Bot.Skills.Tests.Complaints;

public sealed class StatusAndRatingTests
{
    private static EngineTestKit Kit() => new(new KeywordClassifier().On("噪音", ComplaintCategories.Noise));

    [Fact]
    public async Task Status_ListsOnlyTheResidentsOwnTickets()
    {
        var kit = Kit();
        await kit.SayAsync("me", "幸福里小区3栋噪音 每天晚上");
        await kit.SayAsync("neighbour", "阳光花园1栋噪音 每天晚上");

        var result = await kit.SayAsync("me", "我的诉求");

        Assert.Equal(StatusSkill.IntentCode, result.Intent);
        Assert.Contains("2026-000001", result.Replies[0].Text);
        Assert.DoesNotContain("2026-000002", result.Replies[0].Text);
    }

    [Fact]
    public async Task Status_GuessingAnotherResidentsNumber_SeesNothing()
    {
        var kit = Kit();
        await kit.SayAsync("neighbour", "阳光花园1栋噪音 每天晚上");

        var guessed = await kit.SayAsync("me", "查询 2026-000001");
        var missing = await kit.SayAsync("me", "查询 2026-000999");

        Assert.DoesNotContain("噪声", guessed.Replies[0].Text);
        Assert.DoesNotContain("阳光花园", guessed.Replies[0].Text);
        Assert.Equal(missing.Replies[0].Text.Replace("000999", "000001", StringComparison.Ordinal), guessed.Replies[0].Text);
    }

    [Fact]
    public async Task Status_OwnNumber_ShowsStateAndHistory()
    {
        var kit = Kit();
        await kit.SayAsync("me", "幸福里小区3栋噪音 每天晚上");

        var result = await kit.SayAsync("me", "2026-000001 进度怎么样");

        Assert.Contains("已受理", result.Replies[0].Text);
        Assert.Contains("问题入账", result.Replies[0].Text);
    }

    [Fact]
    public async Task Status_NoTickets_ExplainsHowToReport()
    {
        var result = await Kit().SayAsync("new", "我的诉求");

        Assert.Contains("还没有提交过诉求", result.Replies[0].Text);
    }

    [Theory]
    [InlineData("5 处理很及时", 5, "处理很及时", TicketState.Closed)]
    [InlineData("４", 4, null, TicketState.Closed)]
    [InlineData("不满意，根本没人来", 2, "根本没人来", TicketState.InProgress)]
    [InlineData("1", 1, null, TicketState.InProgress)]
    public async Task Rating_AfterResolved_ClosesOrReopens(string answer, int score, string? comment, TicketState expected)
    {
        var kit = Kit();
        await kit.SayAsync("me", "幸福里小区3栋噪音 每天晚上");
        var followUp = (TicketFollowUp)kit.Services.GetService(typeof(TicketFollowUp))!;
        await followUp.ResolveAsync("2026-000001", "网格员张三", "已上门协调，装修改到白天", CancellationToken.None);
        Assert.Contains("回复 1–5", Assert.Single(kit.Notifier.Sent).Reply.Text);

        var result = await kit.SayAsync("me", answer);

        Assert.Equal(RatingSkill.IntentCode, result.Intent);
        var ticket = Assert.Single(kit.Tickets.Tickets);
        Assert.Equal(score, ticket.Rating);
        Assert.Equal(comment, ticket.RatingComment);
        Assert.Equal(expected, ticket.State);
    }

    [Fact]
    public async Task Digit_WithoutPendingRating_IsAMenuChoice()
    {
        var kit = Kit();

        var result = await kit.SayAsync("me", "3");

        Assert.Equal(StatusSkill.IntentCode, result.Intent);
    }
}
