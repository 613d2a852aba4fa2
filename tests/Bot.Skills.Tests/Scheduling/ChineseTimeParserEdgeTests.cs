using Bot.Skills.Scheduling;
using static Bot.Skills.Tests.Scheduling.ParserTestClock;

namespace Bot.Skills.Tests.Scheduling;

public sealed class ChineseTimeParserEdgeTests
{
    [Theory]
    [InlineData("1月3日", "2027-01-03 00:00~2027-01-04 00:00")]
    [InlineData("明天", "2027-01-01 00:00~2027-01-02 00:00")]
    [InlineData("下个月1号", "2027-01-01 00:00~2027-01-02 00:00")]
    [InlineData("2号", "2027-01-02 00:00~2027-01-03 00:00")]
    [InlineData("12月31日晚上8点", "2026-12-31 20:00")]
    [InlineData("周一", "2027-01-04 00:00~2027-01-05 00:00")]
    [InlineData("下周一", "2027-01-04 00:00~2027-01-05 00:00")]
    [InlineData("12月30日", "Past")]
    [InlineData("2月29日", "Impossible")]
    public void Parse_OnNewYearsEve_RollsIntoNextYear(string text, string expected) =>
        Assert.Equal(expected, Describe(ChineseTimeParser.Parse(text, At(2026, 12, 31, 15))));

    [Theory]
    [InlineData("下个月1号", "2027-02-01 00:00~2027-02-02 00:00")]
    [InlineData("明天", "2027-02-01 00:00~2027-02-02 00:00")]
    [InlineData("1号", "2027-02-01 00:00~2027-02-02 00:00")]
    [InlineData("周一", "2027-02-01 00:00~2027-02-02 00:00")]
    [InlineData("下周一", "2027-02-01 00:00~2027-02-02 00:00")]
    [InlineData("这周一", "Past")]
    [InlineData("下个月30号", "Impossible")]
    [InlineData("2月29日", "Impossible")]
    public void Parse_OnJanuary31_HandlesMonthEnd(string text, string expected) =>
        Assert.Equal(expected, Describe(ChineseTimeParser.Parse(text, At(2027, 1, 31, 10))));

    [Theory]
    [InlineData("2月29日", "2028-02-29 00:00~2028-03-01 00:00")]
    [InlineData("明天", "2028-02-29 00:00~2028-03-01 00:00")]
    [InlineData("后天", "2028-03-01 00:00~2028-03-02 00:00")]
    [InlineData("下个月1号", "2028-03-01 00:00~2028-03-02 00:00")]
    [InlineData("29号上午9点", "2028-02-29 09:00")]
    public void Parse_InLeapFebruary_Knows29th(string text, string expected) =>
        Assert.Equal(expected, Describe(ChineseTimeParser.Parse(text, At(2028, 2, 28, 10))));

    [Theory]
    [InlineData("2月29日", 2027, 1, 31, "2027年2月29日不存在（2027年不是闰年），请问您想约哪一天？")]
    [InlineData("2月30日", 2026, 11, 25, "2月30日不存在，请问您想约哪一天？")]
    [InlineData("31号", 2026, 11, 25, "11月31日不存在，请问您想约哪一天？")]
    [InlineData("三十一号下午3点", 2026, 11, 5, "11月31日不存在，请问您想约哪一天？")]
    [InlineData("31号", 2028, 2, 28, "2月31日不存在，请问您想约哪一天？")]
    [InlineData("13月5日", 2026, 11, 25, "没有13月，请问您想约哪一天？")]
    [InlineData("13月", 2026, 11, 25, "没有13月，请问您想约哪一天？")]
    [InlineData("32号", 2026, 11, 25, "没有32号，请问您想约哪一天？")]
    [InlineData("25点", 2026, 11, 25, "没有25点，请说0到23点之间的时间，比如“下午3点”。")]
    [InlineData("明天3点70分", 2026, 11, 25, "没有70分，请说0到59分之间的时间，比如“3点45分”。")]
    [InlineData("上午15点", 2026, 11, 25, "“上午”和“15点”对不上，请问您想约几点？")]
    public void Parse_NoSuchDateOrTime_ImpossibleWithChineseQuestion(string text, int year, int month, int day, string message)
    {
        var result = ChineseTimeParser.Parse(text, At(year, month, day, 10));

        Assert.Equal(TimeParseOutcome.Impossible, result.Outcome);
        Assert.Equal(message, result.Message);
        Assert.False(result.IsUnderstood);
    }

    [Theory]
    [InlineData("昨天")]
    [InlineData("昨晚8点")]
    [InlineData("今天上午9点")]
    [InlineData("今天早上")]
    [InlineData("今早上")]
    [InlineData("这周一")]
    [InlineData("上周三下午")]
    [InlineData("25号7点半")]
    [InlineData("11月20日")]
    [InlineData("2026年11月1日")]
    public void Parse_TimeAlreadyGone_Past(string text)
    {
        var result = ChineseTimeParser.Parse(text, Now);

        Assert.Equal(TimeParseOutcome.Past, result.Outcome);
        Assert.Equal("这个时间已经过去了，请选一个以后的时间。", result.Message);
        Assert.True(result.Start < Now);
    }

    [Theory]
    [InlineData("下周", "请问是下周几？")]
    [InlineData("下个礼拜", "请问是下个礼拜几？")]
    [InlineData("周末", "请问是周六还是周日？")]
    [InlineData("下个月", "请问是下个月几号？")]
    [InlineData("12月", "请问是12月几号？")]
    [InlineData("11月25日周四", "11月25日是周三，不是周四，请问您想约哪一天？")]
    [InlineData("明天11月28日", "“明天”和“11月28日”不是同一天，请问您想约哪一天？")]
    public void Parse_Ambiguous_AsksInChinese(string text, string question)
    {
        var result = ChineseTimeParser.Parse(text, Now);

        Assert.Equal(TimeParseOutcome.NeedsClarification, result.Outcome);
        Assert.Equal(question, result.Message);
    }

    [Theory]
    [InlineData("3点", "请问是上午3点还是下午3点？")]
    [InlineData("明天十点", "请问是上午10点还是下午10点？")]
    public void Parse_StrictBareHour_AsksMorningOrAfternoon(string text, string question)
    {
        var result = ChineseTimeParser.Parse(text, Now, TimeParseOptions.Strict);

        Assert.Equal(TimeParseOutcome.NeedsClarification, result.Outcome);
        Assert.Equal(question, result.Message);
    }

    [Theory]
    [InlineData("下午3点", "2026-11-25 15:00")]
    [InlineData("15点", "2026-11-25 15:00")]
    [InlineData("明早9点", "2026-11-26 09:00")]
    public void Parse_StrictWithPartOfDay_NoQuestion(string text, string expected) =>
        Assert.Equal(expected, Describe(ChineseTimeParser.Parse(text, Now, TimeParseOptions.Strict)));

    [Theory]
    [InlineData("随便")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("asdf")]
    [InlineData("早一点")]
    [InlineData("快点吧")]
    [InlineData("好的谢谢")]
    public void Parse_NoTimeInText_NotUnderstood(string? text)
    {
        var result = ChineseTimeParser.Parse(text, Now);

        Assert.Equal(TimeParseOutcome.NotUnderstood, result.Outcome);
        Assert.False(string.IsNullOrEmpty(result.Message));
        Assert.Null(result.Start);
    }
}
