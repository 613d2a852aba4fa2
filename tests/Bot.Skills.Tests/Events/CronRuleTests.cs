using System.Globalization;
using Bot.Skills.Events;

namespace Bot.Skills.Tests.Events;

public sealed class CronRuleTests
{
    private const string VisitDays = "0 0 9 5,15,25 * ?";

    [Theory]
    [InlineData(VisitDays, "2026-12-25 10:00", "2027-01-05 09:00")]
    [InlineData(VisitDays, "2026-12-25 08:59", "2026-12-25 09:00")]
    [InlineData(VisitDays, "2026-12-25 09:00", "2027-01-05 09:00")]
    [InlineData(VisitDays, "2027-01-31 12:00", "2027-02-05 09:00")]
    [InlineData(VisitDays, "2028-02-25 09:30", "2028-03-05 09:00")]
    [InlineData(VisitDays, "2026-11-05 09:00", "2026-11-15 09:00")]
    [InlineData("0 0 19 ? * WED", "2026-12-31 20:00", "2027-01-06 19:00")]
    [InlineData("0 0 19 ? * WED", "2026-11-25 18:59", "2026-11-25 19:00")]
    [InlineData("0 30 18 ? * 2", "2026-11-25 10:00", "2026-11-30 18:30")]
    [InlineData("0 0 9 29 2 ?", "2026-03-01 00:00", "2028-02-29 09:00")]
    [InlineData("0 0 9 L-less 2 ?", null, null)]
    public void Next_Rule_GivesNextFiringInChinaTime(string cron, string? now, string? expected)
    {
        if (now is null)
        {
            Assert.False(CronRule.TryParse(cron, out _, out var error));
            Assert.NotNull(error);
            return;
        }

        var next = CronRule.Parse(cron).Next(At(now));

        Assert.Equal(At(expected!), next);
    }

    [Theory]
    [InlineData("0 0 9 5,15,25 *")]
    [InlineData("0 0 9 5 * MON")]
    [InlineData("0 0 25 5 * ?")]
    [InlineData("0 0 9 32 * ?")]
    [InlineData("0 0 9 ? * XYZ")]
    public void Parse_BrokenRule_ThrowsWithChineseMessage(string cron)
    {
        var error = Assert.Throws<FormatException>(() => CronRule.Parse(cron));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
    }

    [Fact]
    public void Next_ImpossibleDate_Null()
    {
        Assert.Null(CronRule.Parse("0 0 9 31 2 ?").Next(At("2026-01-01 00:00")));
    }

    internal static DateTimeOffset At(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));
}
