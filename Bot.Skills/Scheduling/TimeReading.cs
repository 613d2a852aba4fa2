namespace Bot.Skills.Scheduling;

/// <summary>What the parser has read so far; resolved into a result once the whole text is read.</summary>
internal sealed class TimeReading
{
    public DateOnly? Date { get; set; }

    /// <summary>The words that named <see cref="Date"/>, quoted back when another part disagrees.</summary>
    public string DateWords { get; set; } = string.Empty;

    /// <summary>
    /// Days to move the reading when it falls on today but has already gone: 1 for a time without a date
    /// (9点 said at 10:00 means tomorrow), 7 for a bare weekday naming today; 0 when the day was explicit.
    /// </summary>
    public int ShiftIfGone { get; set; }

    public DayPart? Part { get; set; }

    public int? Hour { get; set; }

    public int Minute { get; set; }

    /// <summary>1 when the clock time is after midnight of the day named (今晚12点).</summary>
    public int DayOffset { get; set; }

    public bool IsEmpty => Date is null && Part is null && Hour is null;
}
