using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.Skills.Tests.Engine;

namespace Bot.Skills.Tests.Complaints;

public sealed class ComplaintSkillTests
{
    private static readonly SafetyAlert Gas = new("燃气泄漏", "119", "不要开关电器，开窗通风，到室外拨打119。");

    private static EngineTestKit Kit() => new(new KeywordClassifier()
        .On("噪音", ComplaintCategories.Noise)
        .On("装修", ComplaintCategories.Noise)
        .On("摆摊", ComplaintCategories.StreetVending, confidence: 0.8)
        .On("煤气味", ComplaintCategories.Safety, Colour.Red, alert: Gas)
        .On("电动车", ComplaintCategories.Safety, Colour.Orange)
        .On("津贴", ComplaintCategories.Consultation, Colour.Green));

    [Fact]
    public async Task Complaint_WithPlaceAndTime_FiledAtOnceWithPromise()
    {
        var kit = Kit();

        var result = await kit.SayAsync("r1", "幸福里小区3栋楼上每天半夜装修噪音太大");

        Assert.Equal(ComplaintSkill.IntentCode, result.Intent);
        var ticket = Assert.Single(kit.Tickets.Tickets);
        Assert.Equal("幸福里小区3栋", ticket.Place);
        Assert.Equal("幸福里小区", ticket.Grid);
        Assert.Equal("每天", ticket.Since);
        Assert.Contains(ticket.Number, result.Replies[0].Text);
        Assert.Contains("15分钟", result.Replies[0].Text);
        Assert.Null(kit.States.Peek("test", "r1")!.ActiveSkill);
    }

    [Fact]
    public async Task Complaint_MissingBoth_AsksTwoQuestionsThenFiles()
    {
        var kit = Kit();

        var first = await kit.SayAsync("r2", "楼上装修噪音太吵了受不了");
        Assert.Contains("具体在哪里", first.Replies[0].Text);
        var second = await kit.SayAsync("r2", "阳光花园5号楼");
        Assert.Contains("什么时候开始", second.Replies[0].Text);
        var third = await kit.SayAsync("r2", "上周开始的");
        Assert.True(kit.Tickets.Tickets.Count == 1, string.Join(" | ", new[] { first, second, third }.SelectMany(r => r.Replies.Select(x => r.Intent + ":" + x.Text))));

        var ticket = Assert.Single(kit.Tickets.Tickets);
        Assert.Equal("阳光花园5号楼", ticket.Place);
        Assert.Equal("上周", ticket.Since);
        Assert.Equal("楼上装修噪音太吵了受不了", ticket.Text);
        Assert.Empty(kit.Alerter.Alerts);
        Assert.Contains(ticket.Number, third.Replies[0].Text);
    }

    [Fact]
    public async Task Complaint_UnhelpfulAnswers_NeverMoreThanTwoQuestions()
    {
        var kit = Kit();

        await kit.SayAsync("r3", "噪音太大了");
        await kit.SayAsync("r3", "嗯");
        var third = await kit.SayAsync("r3", "不知道");

        Assert.Single(kit.Tickets.Tickets);
        Assert.Contains("工单号", third.Replies[0].Text);
    }

    [Fact]
    public async Task Complaint_LocationMessageAnswersWhere()
    {
        var kit = Kit();

        await kit.SayAsync("r4", "有人在门口摆摊 从昨天开始");
        var result = await kit.SendLocationAsync("r4", new GeoPoint(31.23, 121.47, "幸福路88号"));

        var ticket = Assert.Single(kit.Tickets.Tickets);
        Assert.Equal("幸福路88号", ticket.Place);
        Assert.Equal(31.23, ticket.Location!.Latitude);
        Assert.Contains(ticket.Number, result.Replies[0].Text);
    }

    [Fact]
    public async Task Complaint_ResidentChangesSubject_FirstFiledSecondStarted()
    {
        var kit = Kit();

        await kit.SayAsync("r5", "楼上装修噪音太吵了");
        var result = await kit.SayAsync("r5", "对了还有人在小区门口乱摆摊卖菜");

        var first = Assert.Single(kit.Tickets.Tickets);
        Assert.Equal(ComplaintCategories.Noise, first.Category);
        Assert.Contains(first.Number, result.Replies[0].Text);
        Assert.Equal(ComplaintSkill.IntentCode, kit.States.Peek("test", "r5")!.ActiveSkill);
        Assert.Equal("对了还有人在小区门口乱摆摊卖菜", kit.States.Peek("test", "r5")!.Slots["complaint.text"]);
    }

    [Fact]
    public async Task Complaint_Red_SafetyAdviceAndTicketBeforeAnyQuestion()
    {
        var kit = Kit();

        var result = await kit.SayAsync("r6", "楼道里好大的煤气味");

        Assert.Contains("119", result.Replies[0].Text);
        Assert.Contains("开窗通风", result.Replies[0].Text);
        var ticket = Assert.Single(kit.Tickets.Tickets);
        Assert.Equal(Colour.Red, ticket.Colour);
        Assert.Equal(ticket.Number, Assert.Single(kit.Alerter.Alerts).Number);
        Assert.Contains(ticket.Number, result.Replies[1].Text);
        Assert.Contains("具体位置", result.Replies[2].Text);

        var after = await kit.SayAsync("r6", "和谐家园2栋");
        Assert.Equal("和谐家园2栋", Assert.Single(kit.Tickets.Tickets).Place);
        Assert.Contains(ticket.Number, after.Replies[0].Text);
    }

    [Fact]
    public async Task Complaint_PhotoDuringDialogue_IsKept()
    {
        var kit = Kit();
        await kit.SayAsync("r7", "电动车在楼道里充电");

        await kit.SendAsync(new InboundMessage("test", "r7", "p1", InboundKind.Image, kit.Clock.GetUtcNow(), MediaId: "media-42"));
        await kit.SayAsync("r7", "幸福里小区1栋");
        await kit.SayAsync("r7", "好几天了");

        var ticket = Assert.Single(kit.Tickets.Tickets);
        Assert.Equal(["media-42"], ticket.PhotoMediaIds);
        Assert.Equal(Colour.Orange, ticket.Colour);
    }

    [Fact]
    public async Task Consultation_NotInKnowledgeBase_FiledWithoutQuestionsAndSaysSo()
    {
        var kit = Kit();

        var result = await kit.SayAsync("r9", "高龄津贴怎么申请");

        var ticket = Assert.Single(kit.Tickets.Tickets);
        Assert.Equal(Colour.Green, ticket.Colour);
        Assert.Equal(Bot.Skills.Knowledge.ConsultationStep.FiledNote, result.Replies[0].Text);
        Assert.Contains("24小时", result.Replies[1].Text);
    }

    [Fact]
    public async Task Chatter_LowConfidence_IsNotFiled()
    {
        var kit = Kit();

        var result = await kit.SayAsync("r8", "今天天气真不错呀");

        Assert.Equal(Intents.Fallback, result.Intent);
        Assert.Empty(kit.Tickets.Tickets);
    }
}
