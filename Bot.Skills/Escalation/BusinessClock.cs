using Bot.Skills.Grid;

namespace Bot.Skills.Escalation;

/// <summary>
/// Deadlines that count only business time: 15 minutes from Friday 17:20 with hours "周一至周五 08:30-17:30" end on
/// Monday at 08:35. Hours are China time (no daylight saving), minute by minute as <see cref="DutyHours"/> reads them.
/// </summary>
public static class BusinessClock
{
    /// <summary>More than a week with no business minute at all cannot be meant; the clock then counts wall time.</summary>
    private static readonly TimeSpan LongestGap = TimeSpan.FromDays(8);

    /// <param name="hours">Null counts wall-clock time (red tickets).</param>
    public static DateTimeOffset Add(DateTimeOffset start, TimeSpan span, DutyHours? hours)
    {
        if (hours is null || span <= TimeSpan.Zero)
        {
            return start + span;
        }

        var (at, remaining, closedSince) = (start, span, start);
        while (remaining > TimeSpan.Zero)
        {
            // Step to the next minute boundary (DutyHours is minute-grained), counting the step if it is business time.
            var next = new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), at.Offset).AddMinutes(1);
            if (hours.IsOnDuty(at))
            {
                var step = next - at < remaining ? next - at : remaining;
                (at, remaining, closedSince) = (at + step, remaining - step, at + step);
            }
            else
            {
                at = next;
                if (at - closedSince > LongestGap)
                {
                    return start + span;
                }
            }
        }

        return at;
    }
}
