namespace Bot.Skills.Scheduling;

/// <summary>A session or booking, [Start, End). Slots the generator makes are in China time (+08:00).</summary>
public readonly record struct TimeSlot(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>
    /// True when the two are closer than <paramref name="gap"/>: with a 15-minute gap, a session ending at 10:00
    /// clashes with one starting at 10:10 but not with one at 10:15.
    /// </summary>
    public bool Clashes(TimeSlot other, TimeSpan gap) => Start < other.End + gap && other.Start < End + gap;
}
