using Bot.Skills.Scheduling;
using static Bot.Skills.Tests.Scheduling.ParserTestClock;

namespace Bot.Skills.Tests.Scheduling;

public sealed class ChineseTimeParserTests
{
    // Now is Wednesday 2026-11-25 10:00 China time.
    [Theory]
    [InlineData("今天下午3点", "2026-11-25 15:00")]
    [InlineData("今天", "2026-11-25 00:00~2026-11-26 00:00")]
    [InlineData("明天", "2026-11-26 00:00~2026-11-27 00:00")]
    [InlineData("后天", "2026-11-27 00:00~2026-11-28 00:00")]
    [InlineData("大后天", "2026-11-28 00:00~2026-11-29 00:00")]
    [InlineData("大后天晚上", "2026-11-28 18:00~2026-11-29 00:00")]
    [InlineData("今晚", "2026-11-25 18:00~2026-11-26 00:00")]
    [InlineData("明早", "2026-11-26 06:00~2026-11-26 09:00")]
    [InlineData("明天上午", "2026-11-26 08:00~2026-11-26 12:00")]
    [InlineData("周三", "2026-11-25 00:00~2026-11-26 00:00")]
    [InlineData("星期三下午", "2026-11-25 13:00~2026-11-25 18:00")]
    [InlineData("周三上午9点", "2026-12-02 09:00")]
    [InlineData("礼拜五", "2026-11-27 00:00~2026-11-28 00:00")]
    [InlineData("下周三", "2026-12-02 00:00~2026-12-03 00:00")]
    [InlineData("下周三下午", "2026-12-02 13:00~2026-12-02 18:00")]
    [InlineData("这周五", "2026-11-27 00:00~2026-11-28 00:00")]
    [InlineData("本周五晚上", "2026-11-27 18:00~2026-11-28 00:00")]
    [InlineData("下下周一", "2026-12-07 00:00~2026-12-08 00:00")]
    [InlineData("周日", "2026-11-29 00:00~2026-11-30 00:00")]
    [InlineData("星期天", "2026-11-29 00:00~2026-11-30 00:00")]
    [InlineData("下周日", "2026-12-06 00:00~2026-12-07 00:00")]
    [InlineData("下礼拜二", "2026-12-01 00:00~2026-12-02 00:00")]
    [InlineData("下个星期四", "2026-12-03 00:00~2026-12-04 00:00")]
    [InlineData("周五下午三点", "2026-11-27 15:00")]
    [InlineData("下周一上午9点半", "2026-11-30 09:30")]
    [InlineData("星期六上午", "2026-11-28 08:00~2026-11-28 12:00")]
    [InlineData("礼拜天下午2点", "2026-11-29 14:00")]
    [InlineData("11月25日下午3点", "2026-11-25 15:00")]
    [InlineData("11月25日周三下午4点", "2026-11-25 16:00")]
    [InlineData("11月25号", "2026-11-25 00:00~2026-11-26 00:00")]
    [InlineData("26号7点半", "2026-11-26 07:30")]
    [InlineData("二十五号下午三点", "2026-11-25 15:00")]
    [InlineData("三十号", "2026-11-30 00:00~2026-12-01 00:00")]
    [InlineData("12号", "2026-12-12 00:00~2026-12-13 00:00")]
    [InlineData("这个月28号", "2026-11-28 00:00~2026-11-29 00:00")]
    [InlineData("下个月1号", "2026-12-01 00:00~2026-12-02 00:00")]
    [InlineData("下个月一号上午10点", "2026-12-01 10:00")]
    [InlineData("12月31日", "2026-12-31 00:00~2027-01-01 00:00")]
    [InlineData("十二月三十一日上午十点", "2026-12-31 10:00")]
    [InlineData("1月3日", "2027-01-03 00:00~2027-01-04 00:00")]
    [InlineData("明年1月3日", "2027-01-03 00:00~2027-01-04 00:00")]
    [InlineData("2027年2月28日", "2027-02-28 00:00~2027-03-01 00:00")]
    [InlineData("2026-11-30 9:00", "2026-11-30 09:00")]
    [InlineData("11/27 14:00", "2026-11-27 14:00")]
    [InlineData("下午两点半", "2026-11-25 14:30")]
    [InlineData("下午", "2026-11-25 13:00~2026-11-25 18:00")]
    [InlineData("中午", "2026-11-25 11:00~2026-11-25 13:00")]
    [InlineData("傍晚", "2026-11-25 17:00~2026-11-25 19:00")]
    [InlineData("凌晨", "2026-11-26 00:00~2026-11-26 06:00")]
    [InlineData("晚上八点", "2026-11-25 20:00")]
    [InlineData("晚8点", "2026-11-25 20:00")]
    [InlineData("晚上7点", "2026-11-25 19:00")]
    [InlineData("今晚八点半", "2026-11-25 20:30")]
    [InlineData("明晚9点", "2026-11-26 21:00")]
    [InlineData("晚上12点", "2026-11-26 00:00")]
    [InlineData("夜里1点", "2026-11-26 01:00")]
    [InlineData("明天凌晨5点", "2026-11-26 05:00")]
    [InlineData("明天傍晚6点", "2026-11-26 18:00")]
    [InlineData("明天中午1点", "2026-11-26 13:00")]
    [InlineData("中午12点", "2026-11-25 12:00")]
    [InlineData("后天上午十一点", "2026-11-27 11:00")]
    [InlineData("3点一刻", "2026-11-25 15:15")]
    [InlineData("三点三刻", "2026-11-25 15:45")]
    [InlineData("3点45", "2026-11-25 15:45")]
    [InlineData("下午3点05分", "2026-11-25 15:05")]
    [InlineData("下午三点二十", "2026-11-25 15:20")]
    [InlineData("下午3点整", "2026-11-25 15:00")]
    [InlineData("3点钟", "2026-11-25 15:00")]
    [InlineData("下午3时", "2026-11-25 15:00")]
    [InlineData("15:30", "2026-11-25 15:30")]
    [InlineData("明天15：30", "2026-11-26 15:30")]
    [InlineData("14点", "2026-11-25 14:00")]
    [InlineData("两点", "2026-11-25 14:00")]
    [InlineData("十一点", "2026-11-25 11:00")]
    [InlineData("明天十点", "2026-11-26 10:00")]
    [InlineData("9点", "2026-11-26 09:00")]
    [InlineData("七点", "2026-11-26 07:00")]
    [InlineData("早上8点", "2026-11-26 08:00")]
    [InlineData("２７号下午３点", "2026-11-27 15:00")]
    [InlineData("我想约明天下午三点可以吗", "2026-11-26 15:00")]
    [InlineData("那就下周二上午十点吧", "2026-12-01 10:00")]
    [InlineData("周四三点", "2026-11-26 15:00")]
    [InlineData("明天周四下午", "2026-11-26 13:00~2026-11-26 18:00")]
    [InlineData("下周三12月2日上午", "2026-12-02 08:00~2026-12-02 12:00")]
    [InlineData("12点半", "2026-11-25 12:30")]
    [InlineData("一点", "2026-11-25 13:00")]
    [InlineData("明早上8点", "2026-11-26 08:00")]
    public void Parse_Expression_ReadsChinaTime(string text, string expected) =>
        Assert.Equal(expected, Describe(ChineseTimeParser.Parse(text, Now)));

    [Theory]
    [InlineData("明天", true, false, "请问几点？")]
    [InlineData("明天下午", true, false, "请问下午几点？")]
    [InlineData("下周三", true, false, "请问几点？")]
    [InlineData("下午两点", false, true, null)]
    [InlineData("明天3点", true, true, null)]
    [InlineData("晚上", false, false, "请问晚上几点？")]
    public void Parse_PartialTime_SaysWhatWasUnderstood(string text, bool dateKnown, bool timeKnown, string? question)
    {
        var result = ChineseTimeParser.Parse(text, Now);

        Assert.True(result.IsUnderstood);
        Assert.Equal(dateKnown, result.DateKnown);
        Assert.Equal(timeKnown, result.TimeKnown);
        Assert.Equal(question, result.Message);
    }

    [Fact]
    public void Parse_NowInUtc_ReadsTheChinaDate()
    {
        var lateUtc = new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero); // 11-26 01:00 in China

        Assert.Equal("2026-11-26 00:00~2026-11-27 00:00", Describe(ChineseTimeParser.Parse("今天", lateUtc)));
        Assert.Equal("2026-11-27 15:00", Describe(ChineseTimeParser.Parse("明天下午3点", lateUtc)));
    }
}
