using Bot.Skills.Grid;

namespace Bot.Skills.Scheduling;

/// <summary>
/// Finds free mediation slots: inside the venue's and the mediator's hours, off closed dates, at least the lead
/// time ahead and within the horizon, under the mediator's daily cap, and kept a buffer away from every session
/// of the same venue and of the same mediator. All days and hours are China time.
/// </summary>
public static class SlotGenerator
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The first <paramref name="count"/> free slots from now on, in time order.</summary>
    /// <param name="query">The venue, the mediator and the rules.</param>
    /// <param name="now">The current moment.</param>
    /// <param name="count">How many slots at most.</param>
    /// <param name="within">
    /// Only slots wholly inside this range, e.g. a parsed 明天下午 (<see cref="TimeParseResult.Start"/> to
    /// <see cref="TimeParseResult.End"/>); the horizon still applies.
    /// </param>
    public static IReadOnlyList<TimeSlot> NextFree(SlotQuery query, DateTimeOffset now, int count, TimeSlot? within = null)
    {
        Validate(query);
        var free = new List<TimeSlot>();
        var today = DateOf(now);
        var first = within is { } range && DateOf(range.Start) > today ? DateOf(range.Start).DayNumber - today.DayNumber : 0;
        for (var day = first; day < query.HorizonDays && free.Count < count; day++)
        {
            var date = today.AddDays(day);
            if (within is { } limit && Midnight(date) >= limit.End)
            {
                break;
            }

            free.AddRange(FreeOn(date, query, now)
                .Where(s => within is not { } inside || (inside.Start <= s.Start && s.End <= inside.End))
                .Take(count - free.Count));
        }

        return free;
    }

    public static bool IsFree(TimeSlot slot, SlotQuery query, DateTimeOffset now) => Check(slot, query, now) == SlotProblem.None;

    /// <summary>Whether <paramref name="slot"/> can be booked, and if not the first reason why.</summary>
    public static SlotProblem Check(TimeSlot slot, SlotQuery query, DateTimeOffset now)
    {
        var date = DateOf(slot.Start);
        if (slot.Start < now + query.LeadTime)
        {
            return SlotProblem.TooSoon;
        }

        if (date >= DateOf(now).AddDays(query.HorizonDays))
        {
            return SlotProblem.BeyondHorizon;
        }

        if (query.ClosedDates.Contains(date))
        {
            return SlotProblem.Closed;
        }

        if (!Inside(query.VenueHours, date, slot))
        {
            return SlotProblem.OutsideVenueHours;
        }

        if (!Inside(query.MediatorHours, date, slot))
        {
            return SlotProblem.OutsideMediatorHours;
        }

        if (query.MediatorDailyCap is { } cap && query.MediatorBookings.Count(b => DateOf(b.Start) == date) >= cap)
        {
            return SlotProblem.MediatorFull;
        }

        return query.VenueBookings.Any(b => slot.Clashes(b, query.Buffer)) ? SlotProblem.VenueBusy
            : query.MediatorBookings.Any(b => slot.Clashes(b, query.Buffer)) ? SlotProblem.MediatorBusy
            : SlotProblem.None;
    }

    /// <summary>
    /// For a time the resident typed: the session starting then if it fits, else up to <paramref name="nearest"/>
    /// free slots on the same day (China time), closest to the typed time first chosen, returned in time order.
    /// </summary>
    public static SlotOffer Offer(DateTimeOffset start, SlotQuery query, DateTimeOffset now, int nearest = 3)
    {
        Validate(query);
        var local = start.ToOffset(China);
        var requested = new TimeSlot(local, local + query.SlotLength);
        var problem = Check(requested, query, now);
        if (problem == SlotProblem.None)
        {
            return new SlotOffer(requested, problem, []);
        }

        var closest = FreeOn(DateOf(local), query, now)
            .OrderBy(s => (s.Start - local).Duration())
            .ThenBy(s => s.Start)
            .Take(nearest)
            .OrderBy(s => s.Start)
            .ToList();
        return new SlotOffer(requested, problem, closest);
    }

    private static IEnumerable<TimeSlot> FreeOn(DateOnly date, SlotQuery query, DateTimeOffset now)
    {
        foreach (var (start, end) in Overlap(query.VenueHours.OpenIntervals(date), query.MediatorHours.OpenIntervals(date)))
        {
            for (var at = start; at + query.SlotLength <= end; at += query.Step)
            {
                var slot = new TimeSlot(at, at + query.SlotLength);
                if (Check(slot, query, now) == SlotProblem.None)
                {
                    yield return slot;
                }
            }
        }
    }

    /// <summary>Where two sorted lists of intervals overlap, so candidate starts line up with both openings.</summary>
    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Overlap(
        IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> a, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                var (start, end) = (x.Start > y.Start ? x.Start : y.Start, x.End < y.End ? x.End : y.End);
                if (start < end)
                {
                    yield return (start, end);
                }
            }
        }
    }

    private static bool Inside(DutyHours hours, DateOnly date, TimeSlot slot) =>
        hours.OpenIntervals(date).Any(i => i.Start <= slot.Start && slot.End <= i.End);

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), China);

    private static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(China).DateTime);

    private static void Validate(SlotQuery query)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(query.SlotLength, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(query.Step, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Buffer, TimeSpan.Zero);
    }
}
