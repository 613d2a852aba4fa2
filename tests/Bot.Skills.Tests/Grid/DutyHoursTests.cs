using Bot.Skills.Grid;

namespace Bot.Skills.Tests.Grid;

public sealed class DutyHoursTests
{
    // 2026-11-23 is a Monday. Times are written in China Standard Time and converted to UTC to show the zone is applied.
    private static DateTimeOffset China(int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Theory]
    [InlineData("周一至周五 08:30-17:30", 23, 8, 30, true)]
    [InlineData("周一至周五 08:30-17:30", 23, 8, 29, false)]
    [InlineData("周一至周五 08:30-17:30", 27, 17, 29, true)]
    [InlineData("周一至周五 08:30-17:30", 27, 17, 30, false)]
    [InlineData("周一至周五 08:30-17:30", 28, 10, 0, false)]
    [InlineData("每天 09:00-21:00", 29, 20, 59, true)]
    [InlineData("每天 09:00-21:00", 29, 21, 0, false)]
    [InlineData("全天", 29, 3, 0, true)]
    [InlineData("", 29, 3, 0, true)]
    [InlineData("周末 全天", 28, 0, 0, true)]
    [InlineData("周末 全天", 27, 23, 59, false)]
    [InlineData("工作日 09:00-12:00；周六 09:00-11:00", 28, 10, 0, true)]
    [InlineData("周六、周日 10:00-16:00", 29, 15, 0, true)]
    [InlineData("星期三 14:00-24:00", 25, 23, 59, true)]
    [InlineData("周五至周一 10:00-12:00", 29, 11, 0, true)]
    [InlineData("周五至周一 10:00-12:00", 25, 11, 0, false)]
    public void IsOnDuty_ChinaTime_FollowsDaysAndHours(string text, int day, int hour, int minute, bool expected) =>
        Assert.Equal(expected, DutyHours.Parse(text).IsOnDuty(China(day, hour, minute)));

    [Theory]
    [InlineData(23, 22, 30, true)]
    [InlineData(24, 5, 59, true)]
    [InlineData(24, 6, 0, false)]
    [InlineData(28, 23, 0, false)]
    [InlineData(28, 2, 0, true)]
    [InlineData(23, 2, 0, false)]
    public void IsOnDuty_OvernightShift_RunsIntoNextMorning(int day, int hour, int minute, bool expected) =>
        Assert.Equal(expected, DutyHours.Parse("周一至周五 22:00-06:00").IsOnDuty(China(day, hour, minute)));

    [Fact]
    public void IsOnDuty_UtcEveningIsChinaMorning_UsesChinaTime()
    {
        var sundayUtcEvening = new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero); // Monday 07:00 in China

        Assert.True(DutyHours.Parse("周一 07:00-08:00").IsOnDuty(sundayUtcEvening));
        Assert.False(DutyHours.Parse("周日 全天").IsOnDuty(sundayUtcEvening));
    }

    [Theory]
    [InlineData("周一至周五 25:00-26:00", "25:00")]
    [InlineData("每天 08:00-17:60", "17:60")]
    [InlineData("每天 24:00-06:00", "24:00")]
    [InlineData("每天 08:00-24:30", "24:30")]
    [InlineData("每天 08:00-08:00", "开始和结束时刻相同")]
    [InlineData("周八 08:00-17:00", "周八")]
    [InlineData("上班时间", "无法识别")]
    public void Parse_ImpossibleInput_RefusedWithChineseReason(string text, string mentioned)
    {
        Assert.False(DutyHours.TryParse(text, out _, out var error));

        Assert.Contains(mentioned, error);
        Assert.Contains("值班时间", error);
        Assert.Throws<FormatException>(() => DutyHours.Parse(text));
    }

    [Fact]
    public void Parse_Text_IsKeptAsWritten()
    {
        Assert.Equal("周一至周五 08:30-17:30", DutyHours.Parse("  周一至周五 08:30-17:30 ").Text);
        Assert.Equal("全天", DutyHours.Parse(null).Text);
    }

    [Theory]
    [InlineData("周一至周五 09:00-12:00；周一至周五 13:30-17:00", 23, "09:00-12:00 13:30-17:00")]
    [InlineData("周一至周五 09:00-12:00；周一至周五 13:30-17:00", 28, "")]
    [InlineData("每天 09:00-12:00；每天 11:00-14:00", 28, "09:00-14:00")]
    [InlineData("全天", 28, "00:00-24:00")]
    [InlineData("周一至周五 22:00-06:00", 23, "22:00-24:00")]
    [InlineData("周一至周五 22:00-06:00", 24, "00:00-06:00 22:00-24:00")]
    [InlineData("周一至周五 22:00-06:00", 28, "00:00-06:00")]
    public void OpenIntervals_Date_ListsMergedStretchesInChinaTime(string text, int day, string expected)
    {
        var intervals = DutyHours.Parse(text).OpenIntervals(new DateOnly(2026, 11, day));

        var midnight = new DateTimeOffset(2026, 11, day, 0, 0, 0, TimeSpan.FromHours(8));
        string Clock(DateTimeOffset t) => $"{(int)(t - midnight).TotalHours:00}:{(t - midnight).Minutes:00}";
        Assert.Equal(expected, string.Join(' ', intervals.Select(i => $"{Clock(i.Start)}-{Clock(i.End)}")));
        Assert.All(intervals, i => Assert.Equal(TimeSpan.FromHours(8), i.Start.Offset));
    }

    [Theory]
    [InlineData("周一至周五 08:30-17:30", 23, 10, 0, 23, 10, 0)]   // on duty now: now
    [InlineData("周一至周五 08:30-17:30", 23, 18, 0, 24, 8, 30)]   // Monday evening: Tuesday morning
    [InlineData("周一至周五 08:30-17:30", 23, 7, 0, 23, 8, 30)]    // early: this morning
    [InlineData("周一至周五 08:30-17:30", 27, 18, 0, 30, 8, 30)]   // Friday evening: next Monday
    [InlineData("每天 22:00-06:00", 23, 12, 0, 23, 22, 0)]        // overnight shift starts tonight
    [InlineData("工作日 09:00-12:00；周六 09:00-11:00", 27, 13, 0, 28, 9, 0)]
    public void NextOnDutyAt_OffDuty_StartOfNextStretch(string text, int day, int hour, int minute, int nextDay, int nextHour, int nextMinute)
    {
        var next = DutyHours.Parse(text).NextOnDutyAt(China(day, hour, minute));

        Assert.Equal(China(nextDay, nextHour, nextMinute), next);
        Assert.Equal(TimeSpan.FromHours(8), next.Offset);
    }
}
