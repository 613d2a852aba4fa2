using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;

namespace Bot.Skills.Tests.Complaints;

public sealed class DetailExtractorTests
{
    [Theory]
    [InlineData("幸福里小区3栋楼下烧烤", "幸福里小区3栋")]
    [InlineData("阳光花园5号楼2单元", "阳光花园5号楼2单元")]
    [InlineData("人民路128号门口有人摆摊", "人民路128号")]
    [InlineData("菜市场旁边垃圾堆成山", "菜市场")]
    [InlineData("楼上太吵了", null)]
    [InlineData("对了还有人在小区门口乱摆摊", null)]
    [InlineData("", null)]
    public void Place_FindsWhatLocatesTheMatter(string text, string? expected) =>
        Assert.Equal(expected, DetailExtractor.Place(text));

    [Theory]
    [InlineData("幸福里小区3栋", "幸福里小区")]
    [InlineData("人民路128号", null)]
    public void Compound_IsTheGridUntilTheRosterArrives(string place, string? expected) =>
        Assert.Equal(expected, DetailExtractor.Compound(place));

    [Theory]
    [InlineData("从上周开始每天都吵", "从上周")]
    [InlineData("已经三天了", "三天了")]
    [InlineData("昨晚十一点", "昨晚")]
    [InlineData("每天晚上都有", "每天晚上")]
    [InlineData("就是很吵", null)]
    public void Since_FindsWhen(string text, string? expected) =>
        Assert.Equal(expected, DetailExtractor.Since(text));

    [Theory]
    [InlineData(TicketState.Accepted, TicketState.Dispatched, true)]
    [InlineData(TicketState.Dispatched, TicketState.InProgress, true)]
    [InlineData(TicketState.InProgress, TicketState.Resolved, true)]
    [InlineData(TicketState.Resolved, TicketState.FollowUp, true)]
    [InlineData(TicketState.FollowUp, TicketState.Closed, true)]
    [InlineData(TicketState.FollowUp, TicketState.InProgress, true)]
    [InlineData(TicketState.Returned, TicketState.Dispatched, true)]
    [InlineData(TicketState.Escalated, TicketState.Escalated, true)]
    [InlineData(TicketState.Accepted, TicketState.Closed, false)]
    [InlineData(TicketState.Closed, TicketState.InProgress, false)]
    [InlineData(TicketState.Dispatched, TicketState.FollowUp, false)]
    [InlineData(TicketState.Resolved, TicketState.Closed, false)]
    public void StateMachine_CanMove(TicketState from, TicketState to, bool allowed) =>
        Assert.Equal(allowed, TicketStateMachine.CanMove(from, to));
}
