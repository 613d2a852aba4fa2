using Bot.Skills.Grid;
using Bot.Skills.Scheduling;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Mediation;

/// <summary>
/// Free mediation sessions across the venues that host mediation and the mediators who suit the dispute:
/// specialists first, then the others; the earliest time wins, each time offered once. What is booked is read
/// once per search (one query), then every venue × mediator pair is checked in memory.
/// </summary>
public sealed class SlotFinder(IBookingStore store, IVenueCatalog catalog, IGridRoster roster, IOptions<BookingOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<SlotChoice>> NextAsync(string? specialty, int count, TimeSlot? within, CancellationToken cancellationToken)
    {
        var venues = await VenuesAsync(cancellationToken).ConfigureAwait(false);
        var mediators = await MediatorsAsync(specialty, cancellationToken).ConfigureAwait(false);
        return await SearchAsync(venues, mediators, count, within, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Free sessions of one venue with one mediator (what staff asked for, when it was taken).</summary>
    public Task<IReadOnlyList<SlotChoice>> NextForAsync(Venue venue, Person mediator, int count, TimeSlot? within, CancellationToken cancellationToken) =>
        SearchAsync([venue], [mediator], count, within, cancellationToken);

    /// <summary>The session at a typed time with the first suitable pair that is free then; else null.</summary>
    public async Task<SlotChoice?> AtAsync(string? specialty, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var busy = await BusyAsync(now, cancellationToken).ConfigureAwait(false);
        var venues = await VenuesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var mediator in await MediatorsAsync(specialty, cancellationToken).ConfigureAwait(false))
        {
            var cap = await DailyCapAsync(mediator, cancellationToken).ConfigureAwait(false);
            foreach (var venue in venues)
            {
                var query = busy.For(Rules(venue, mediator, cap), venue, mediator);
                var slot = new TimeSlot(start, start.AddMinutes(venue.SlotMinutes));
                if (SlotGenerator.IsFree(slot, query, now))
                {
                    return new SlotChoice(venue, mediator, slot);
                }
            }
        }

        return null;
    }

    /// <summary>Active mediators reachable in WeCom, those with the specialty first (roster order otherwise).</summary>
    public async Task<IReadOnlyList<Person>> MediatorsAsync(string? specialty, CancellationToken cancellationToken)
    {
        var people = await roster.ListPeopleAsync(GridRole.Mediator, cancellationToken).ConfigureAwait(false);
        return people.Where(p => p.Active && !string.IsNullOrWhiteSpace(p.WeComUserId))
            .OrderBy(p => specialty is not null && p.Specialties.Contains(specialty) ? 0 : 1)
            .ToList();
    }

    /// <summary>The rules for a pair with what is already booked for either of them.</summary>
    public async Task<SlotQuery> QueryAsync(Venue venue, Person mediator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var busy = await store.BusyAsync(venue.Id, mediator.Id, now.AddDays(-1), Horizon(now), cancellationToken).ConfigureAwait(false);
        return (await RulesAsync(venue, mediator, cancellationToken).ConfigureAwait(false)) with
        {
            VenueBookings = busy.Where(b => b.Venue).Select(b => new TimeSlot(b.Start, b.End)).ToList(),
            MediatorBookings = busy.Where(b => b.Mediator).Select(b => new TimeSlot(b.Start, b.End)).ToList(),
        };
    }

    /// <summary>The rules for a pair (hours, length, buffer, lead time, horizon, cap) without what is booked.</summary>
    public async Task<SlotQuery> RulesAsync(Venue venue, Person mediator, CancellationToken cancellationToken) =>
        Rules(venue, mediator, await DailyCapAsync(mediator, cancellationToken).ConfigureAwait(false));

    private SlotQuery Rules(Venue venue, Person mediator, int dailyCap)
    {
        var settings = options.Value;
        return new SlotQuery
        {
            VenueHours = venue.OpeningHours,
            MediatorHours = mediator.DutyHours,
            SlotLength = TimeSpan.FromMinutes(venue.SlotMinutes),
            Buffer = TimeSpan.FromMinutes(venue.BufferMinutes),
            Step = TimeSpan.FromMinutes(settings.StepMinutes),
            LeadTime = TimeSpan.FromMinutes(settings.LeadTimeMinutes),
            HorizonDays = settings.HorizonDays,
            MediatorDailyCap = dailyCap,
            ClosedDates = venue.ClosedDates.ToHashSet(),
        };
    }

    private async Task<int> DailyCapAsync(Person mediator, CancellationToken cancellationToken) =>
        (await catalog.GetMediatorProfileAsync(mediator.Id, cancellationToken).ConfigureAwait(false)).DailyCap;

    private async Task<IReadOnlyList<SlotChoice>> SearchAsync(
        IReadOnlyList<Venue> venues, IReadOnlyList<Person> mediators, int count, TimeSlot? within, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var busy = await BusyAsync(now, cancellationToken).ConfigureAwait(false);
        var choices = new List<SlotChoice>();
        foreach (var mediator in mediators)
        {
            // One profile read per mediator, not per venue × mediator pair.
            var cap = await DailyCapAsync(mediator, cancellationToken).ConfigureAwait(false);
            foreach (var venue in venues)
            {
                var query = busy.For(Rules(venue, mediator, cap), venue, mediator);
                choices.AddRange(SlotGenerator.NextFree(query, now, count, within).Select(slot => new SlotChoice(venue, mediator, slot)));
            }
        }

        // Mediators come specialists first, so for equal times the stable sort keeps the better mediator.
        return choices.OrderBy(c => c.Slot.Start).DistinctBy(c => c.Slot.Start).Take(count).ToList();
    }

    private async Task<IReadOnlyList<Venue>> VenuesAsync(CancellationToken cancellationToken) =>
        (await catalog.ListVenuesAsync(cancellationToken).ConfigureAwait(false)).Where(v => v.Active && v.Hosts(SessionKind.Mediation)).ToList();

    private async Task<BookedSessions> BusyAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = now.AddDays(-1);
        var bookings = await store.ListAsync(from, Horizon(now), cancellationToken).ConfigureAwait(false);
        var council = await store.ListCouncilSessionsAsync(from, cancellationToken).ConfigureAwait(false);
        return new BookedSessions(
            bookings.Where(b => b.State.Occupies() && (b.State != BookingState.Held || b.HeldUntil > now)).ToList(),
            council.Where(s => !s.Cancelled).ToList());
    }

    private DateTimeOffset Horizon(DateTimeOffset now) => now.AddDays(options.Value.HorizonDays + 1);

    /// <summary>What is booked in the search window, split per venue and per mediator on demand.</summary>
    private sealed record BookedSessions(IReadOnlyList<Booking> Bookings, IReadOnlyList<CouncilSession> Council)
    {
        public SlotQuery For(SlotQuery rules, Venue venue, Person mediator) => rules with
        {
            VenueBookings = Bookings.Where(b => b.VenueId == venue.Id).Select(b => new TimeSlot(b.Start, b.End))
                .Concat(Council.Where(s => s.VenueId == venue.Id).Select(s => new TimeSlot(s.Start, s.End))).ToList(),
            MediatorBookings = Bookings.Where(b => b.MediatorId == mediator.Id).Select(b => new TimeSlot(b.Start, b.End)).ToList(),
        };
    }
}
