using Bot.Skills.Escalation;
using Bot.Skills.Grid;

namespace Bot.Skills.Tests.Escalation;

public sealed class BusinessClockTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DutyHours Office = DutyHours.Parse("周一至周五 08:30-17:30");

    private static DateTimeOffset At(int day, int hour, int minute, int second = 0) => new(2026, 11, day, hour, minute, second, China);

    [Fact]
    public void Add_FridayJustBeforeClosing_EndsMondayMorning()
    {
        // 2026-11-27 is a Friday: 10 minutes on Friday, 5 on Monday.
        Assert.Equal(At(30, 8, 35), BusinessClock.Add(At(27, 17, 20), TimeSpan.FromMinutes(15), Office));
    }

    [Fact]
    public void Add_InsideBusinessHours_IsPlainAddition()
    {
        Assert.Equal(At(25, 10, 15), BusinessClock.Add(At(25, 10, 0), TimeSpan.FromMinutes(15), Office));
    }

    [Fact]
    public void Add_BeforeOpening_StartsAtOpening()
    {
        Assert.Equal(At(25, 8, 45), BusinessClock.Add(At(25, 7, 0), TimeSpan.FromMinutes(15), Office));
    }

    [Fact]
    public void Add_OnSaturday_StartsMonday()
    {
        Assert.Equal(At(30, 8, 45), BusinessClock.Add(At(28, 12, 0), TimeSpan.FromMinutes(15), Office));
    }

    [Fact]
    public void Add_TwentyFourBusinessHours_SpansThreeWorkingDays()
    {
        // Wednesday 7.5 h, Thursday 9 h, then 7.5 h of Friday.
        Assert.Equal(At(27, 16, 0), BusinessClock.Add(At(25, 10, 0), TimeSpan.FromHours(24), Office));
    }

    [Fact]
    public void Add_OvernightHours_CrossMidnight()
    {
        var nights = DutyHours.Parse("每天 22:00-06:00");

        Assert.Equal(At(24, 0, 10), BusinessClock.Add(At(23, 23, 50), TimeSpan.FromMinutes(20), nights));
        Assert.Equal(At(24, 22, 10), BusinessClock.Add(At(24, 5, 50), TimeSpan.FromMinutes(20), nights));
    }

    [Fact]
    public void Add_NoHours_CountsTheWallClock()
    {
        Assert.Equal(At(27, 17, 35), BusinessClock.Add(At(27, 17, 20), TimeSpan.FromMinutes(15), null));
    }

    [Fact]
    public void Add_SecondsAreKept()
    {
        Assert.Equal(At(30, 8, 30, 30), BusinessClock.Add(At(27, 17, 29, 30), TimeSpan.FromMinutes(1), Office));
    }

    [Fact]
    public void Add_UtcInput_SameInstantAsChinaTime()
    {
        var utc = At(27, 17, 20).ToUniversalTime();

        var due = BusinessClock.Add(utc, TimeSpan.FromMinutes(15), Office);

        Assert.Equal(At(30, 8, 35), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void Add_ZeroSpan_IsTheStart()
    {
        Assert.Equal(At(28, 12, 0), BusinessClock.Add(At(28, 12, 0), TimeSpan.Zero, Office));
    }
}
