using Bot.Skills.Grid;
using Bot.Skills.Scheduling;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Mediation;

/// <summary>
/// Free mediation sessions across the venues that host mediation and the mediators who suit the dispute:
/// specialists first, then the others; the earliest time wins, each time offered once.
/// </summary>
public sealed class SlotFinder(IBookingStore store, IVenueCatalog catalog, IGridRoster roster, IOptions<BookingOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<SlotChoice>> NextAsync(string? specialty, int count, TimeSlot? within, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var choices = new List<SlotChoice>();
        foreach (var (venue, mediator) in await PairsAsync(specialty, cancellationToken).ConfigureAwait(false))
        {
            var query = await QueryAsync(venue, mediator, now, cancellationToken).ConfigureAwait(false);
            choices.AddRange(SlotGenerator.NextFree(query, now, count, within).Select(slot => new SlotChoice(venue, mediator, slot)));
        }

        // Pairs come specialists first, so for equal times the stable sort keeps the better mediator.
        return choices.OrderBy(c => c.Slot.Start).DistinctBy(c => c.Slot.Start).Take(count).ToList();
    }

    /// <summary>The session at a typed time with the first suitable pair that is free then; else null.</summary>
    public async Task<SlotChoice?> AtAsync(string? specialty, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var (venue, mediator) in await PairsAsync(specialty, cancellationToken).ConfigureAwait(false))
        {
            var query = await QueryAsync(venue, mediator, now, cancellationToken).ConfigureAwait(false);
            var slot = new TimeSlot(start, start.AddMinutes(venue.SlotMinutes));
            if (SlotGenerator.IsFree(slot, query, now))
            {
                return new SlotChoice(venue, mediator, slot);
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

    public async Task<SlotQuery> QueryAsync(Venue venue, Person mediator, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var horizon = now.AddDays(settings.HorizonDays + 1);
        var busy = await store.BusyAsync(venue.Id, mediator.Id, now.AddDays(-1), horizon, cancellationToken).ConfigureAwait(false);
        var profile = await catalog.GetMediatorProfileAsync(mediator.Id, cancellationToken).ConfigureAwait(false);
        return new SlotQuery
        {
            VenueHours = venue.OpeningHours,
            MediatorHours = mediator.DutyHours,
            SlotLength = TimeSpan.FromMinutes(venue.SlotMinutes),
            Buffer = TimeSpan.FromMinutes(venue.BufferMinutes),
            Step = TimeSpan.FromMinutes(settings.StepMinutes),
            LeadTime = TimeSpan.FromMinutes(settings.LeadTimeMinutes),
            HorizonDays = settings.HorizonDays,
            MediatorDailyCap = profile.DailyCap,
            ClosedDates = venue.ClosedDates.ToHashSet(),
            VenueBookings = busy.Where(b => b.Venue).Select(b => new TimeSlot(b.Start, b.End)).ToList(),
            MediatorBookings = busy.Where(b => b.Mediator).Select(b => new TimeSlot(b.Start, b.End)).ToList(),
        };
    }

    private async Task<IReadOnlyList<(Venue, Person)>> PairsAsync(string? specialty, CancellationToken cancellationToken)
    {
        var venues = (await catalog.ListVenuesAsync(cancellationToken).ConfigureAwait(false)).Where(v => v.Active && v.Hosts(SessionKind.Mediation)).ToList();
        var mediators = await MediatorsAsync(specialty, cancellationToken).ConfigureAwait(false);
        return mediators.SelectMany(m => venues.Select(v => (v, m))).ToList();
    }
}
