namespace Bot.Skills.Grid;

/// <summary>
/// One stretch of duty: the weekdays it starts on and minutes since midnight. An end at or before the
/// start runs past midnight, so "22:00-06:00" on Monday covers Tuesday 05:00 too.
/// </summary>
internal readonly record struct DutySlot(int DayMask, int StartMinute, int EndMinute)
{
    public const int EveryDay = 0b111_1111;

    public static int Bit(DayOfWeek day) => 1 << (int)day;

    public bool Covers(DayOfWeek day, int minute)
    {
        if (StartMinute < EndMinute)
        {
            return (DayMask & Bit(day)) != 0 && minute >= StartMinute && minute < EndMinute;
        }

        var previous = (DayOfWeek)(((int)day + 6) % 7);
        return ((DayMask & Bit(day)) != 0 && minute >= StartMinute)
            || ((DayMask & Bit(previous)) != 0 && minute < EndMinute);
    }
}
