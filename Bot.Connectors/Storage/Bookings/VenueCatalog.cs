using Bot.Connectors.Storage.Grid;
using Bot.Skills.Grid;
using Bot.Skills.Mediation;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Bookings;

/// <summary>Venues and mediators' daily caps, for the admin API and the booking dialogue.</summary>
public sealed class VenueCatalog(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock) : IVenueCatalog
{
    public Task<Venue> UpsertVenueAsync(Venue venue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(venue);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            VenueRow row;
            if (venue.Id == 0)
            {
                row = new VenueRow { Name = venue.Name, Address = venue.Address, OpeningHours = venue.OpeningHours.Text, Kinds = string.Empty };
                db.Add(row);
            }
            else
            {
                row = await db.Set<VenueRow>().SingleOrDefaultAsync(v => v.Id == venue.Id, cancellationToken).ConfigureAwait(false)
                    ?? throw new KeyNotFoundException($"没有场地 {venue.Id}。");
            }

            row.CopyFrom(venue, now);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return row.ToVenue();
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Venue>> ListVenuesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Set<VenueRow>().AsNoTracking().OrderBy(v => v.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToVenue()).ToList();
    }

    public async Task<Venue?> GetVenueAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Set<VenueRow>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken).ConfigureAwait(false);
        return row?.ToVenue();
    }

    public Task<MediatorProfile> SetMediatorProfileAsync(MediatorProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegative(profile.DailyCap);
        return gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            _ = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == profile.PersonId && p.Role == (int)GridRole.Mediator, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"名册中没有编号为 {profile.PersonId} 的调解员。");
            var row = await db.Set<MediatorProfileRow>().SingleOrDefaultAsync(p => p.PersonId == profile.PersonId, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                db.Add(new MediatorProfileRow { PersonId = profile.PersonId, DailyCap = profile.DailyCap });
            }
            else
            {
                row.DailyCap = profile.DailyCap;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return profile;
        }, cancellationToken);
    }

    public async Task<MediatorProfile> GetMediatorProfileAsync(long personId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Set<MediatorProfileRow>().AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == personId, cancellationToken).ConfigureAwait(false);
        return new MediatorProfile(personId, row?.DailyCap ?? BookingStore.DefaultDailyCap);
    }
}
