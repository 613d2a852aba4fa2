namespace Bot.Skills.Grid;

/// <summary>The calendar side of duty hours: the open stretches of a day, and when duty next begins.</summary>
public sealed partial class DutyHours
{
    /// <summary>
    /// The stretches of <paramref name="date"/> (China time) that are covered, in order and merged, so a
    /// scheduler can lay sessions inside them. The tail of an overnight stretch begun the day before counts.
    /// </summary>
    public IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> OpenIntervals(DateOnly date)
    {
        var previous = date.AddDays(-1).DayOfWeek;
        var pieces = new List<(int Start, int End)>();
        foreach (var slot in _slots)
        {
            var today = (slot.DayMask & DutySlot.Bit(date.DayOfWeek)) != 0;
            var yesterday = (slot.DayMask & DutySlot.Bit(previous)) != 0;
            if (slot.StartMinute < slot.EndMinute)
            {
                if (today)
                {
                    pieces.Add((slot.StartMinute, slot.EndMinute));
                }

                continue;
            }

            if (yesterday && slot.EndMinute > 0)
            {
                pieces.Add((0, slot.EndMinute));
            }

            if (today)
            {
                pieces.Add((slot.StartMinute, 24 * 60));
            }
        }

        var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), China);
        var merged = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var (start, end) in pieces.OrderBy(p => p.Start))
        {
            if (merged.Count > 0 && merged[^1].End >= midnight.AddMinutes(start))
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Max(last.End, midnight.AddMinutes(end)));
                continue;
            }

            merged.Add((midnight.AddMinutes(start), midnight.AddMinutes(end)));
        }

        return merged;
    }

    /// <summary>
    /// The first moment at or after <paramref name="at"/> when this person is on duty, in China time: <paramref name="at"/>
    /// itself when on duty now, else the start of the next stretch (looking a week ahead, which every slot repeats within).
    /// </summary>
    public DateTimeOffset NextOnDutyAt(DateTimeOffset at)
    {
        var local = at.ToOffset(China);
        if (IsOnDuty(local))
        {
            return local;
        }

        var midnight = new DateTimeOffset(local.Date, China);
        DateTimeOffset? next = null;
        for (var day = 0; day <= 7; day++)
        {
            var date = midnight.AddDays(day);
            foreach (var slot in _slots.Where(s => (s.DayMask & DutySlot.Bit(date.DayOfWeek)) != 0))
            {
                var start = date.AddMinutes(slot.StartMinute);
                if (start > local && (next is null || start < next))
                {
                    next = start;
                }
            }
        }

        // Unreachable for a parsed duty time (every slot names at least one weekday); "now" keeps callers simple.
        return next ?? local;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
