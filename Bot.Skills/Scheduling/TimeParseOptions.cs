namespace Bot.Skills.Scheduling;

/// <summary>How <see cref="ChineseTimeParser"/> settles what the text leaves open.</summary>
public sealed record TimeParseOptions
{
    /// <summary>For bookings: a bare hour is read as a daytime hour.</summary>
    public static TimeParseOptions Booking { get; } = new();

    /// <summary>Asks 上午还是下午 for a bare hour from 1 to 11.</summary>
    public static TimeParseOptions Strict { get; } = new() { PreferDaytime = false };

    /// <summary>
    /// A clock hour with no part of the day (3点, 十点) is read as daytime: 1–6 → afternoon (3点 = 15:00),
    /// 7–11 → morning (十点 = 10:00), 12 → noon; 0 and 13–23 are taken as written. Bookings happen by day, so
    /// nobody means 3 in the morning. When false, 1–11 needs clarification (请问是上午3点还是下午3点？).
    /// A part of the day (上午, 晚上, 今晚…) always wins over this rule.
    /// </summary>
    public bool PreferDaytime { get; init; } = true;
}
