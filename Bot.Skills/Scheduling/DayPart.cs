namespace Bot.Skills.Scheduling;

/// <summary>A part of the day as residents name it; each reads as a range when no clock time is given.</summary>
internal enum DayPart
{
    EarlyMorning,
    Morning,
    Forenoon,
    Noon,
    Afternoon,
    Dusk,
    Evening,
}

internal static class DayParts
{
    public static DayPart? FromWord(string word) => word switch
    {
        "凌晨" => DayPart.EarlyMorning,
        "清晨" or "早上" or "早晨" or "早" or "晨" => DayPart.Morning,
        "上午" => DayPart.Forenoon,
        "中午" => DayPart.Noon,
        "下午" or "午后" => DayPart.Afternoon,
        "傍晚" or "黄昏" => DayPart.Dusk,
        "晚上" or "夜里" or "夜间" or "晚间" or "半夜" or "深夜" or "午夜" or "晚" or "夜" => DayPart.Evening,
        _ => null,
    };

    public static string Name(DayPart part) => part switch
    {
        DayPart.EarlyMorning => "凌晨",
        DayPart.Morning => "早上",
        DayPart.Forenoon => "上午",
        DayPart.Noon => "中午",
        DayPart.Afternoon => "下午",
        DayPart.Dusk => "傍晚",
        _ => "晚上",
    };

    /// <summary>Hours [start, end) a part covers when no clock time is given; 24 is the next midnight.</summary>
    public static (int Start, int End) Hours(DayPart part) => part switch
    {
        DayPart.EarlyMorning => (0, 6),
        DayPart.Morning => (6, 9),
        DayPart.Forenoon => (8, 12),
        DayPart.Noon => (11, 13),
        DayPart.Afternoon => (13, 18),
        DayPart.Dusk => (17, 19),
        _ => (18, 24),
    };

    /// <summary>
    /// The 24-hour clock hour for "hour 点" said with a part of the day, and whether it falls on the next day
    /// (晚上12点 and 夜里1点 are after midnight). Null when they contradict (上午15点).
    /// </summary>
    public static (int Hour, int DayOffset)? Clock(DayPart part, int hour) => part switch
    {
        DayPart.EarlyMorning when hour is >= 0 and <= 6 => (hour, 0),
        DayPart.EarlyMorning when hour == 12 => (0, 0),
        DayPart.Morning or DayPart.Forenoon when hour is >= 0 and <= 12 => (hour, 0),
        DayPart.Noon when hour is >= 11 and <= 14 => (hour, 0),
        DayPart.Noon when hour is >= 1 and <= 2 => (hour + 12, 0),
        DayPart.Afternoon or DayPart.Dusk when hour is >= 1 and <= 11 => (hour + 12, 0),
        DayPart.Afternoon or DayPart.Dusk when hour is >= 12 and <= 23 => (hour, 0),
        DayPart.Evening when hour is >= 5 and <= 11 => (hour + 12, 0),
        DayPart.Evening when hour is >= 17 and <= 23 => (hour, 0),
        DayPart.Evening when hour is 12 or 0 => (0, 1),
        DayPart.Evening when hour is >= 1 and <= 4 => (hour, 1),
        _ => null,
    };
}
