namespace Bot.Skills.Mediation;

/// <summary>Venues and mediators' booking settings, kept by staff through the admin API.</summary>
public interface IVenueCatalog
{
    /// <summary>Creates (Id 0) or updates a venue.</summary>
    /// <exception cref="KeyNotFoundException">No venue with that id.</exception>
    Task<Venue> UpsertVenueAsync(Venue venue, CancellationToken cancellationToken);

    Task<IReadOnlyList<Venue>> ListVenuesAsync(CancellationToken cancellationToken);

    Task<Venue?> GetVenueAsync(long id, CancellationToken cancellationToken);

    /// <summary>Sets a mediator's daily cap (the person must be a mediator on the roster).</summary>
    /// <exception cref="KeyNotFoundException">No mediator with that person id.</exception>
    Task<MediatorProfile> SetMediatorProfileAsync(MediatorProfile profile, CancellationToken cancellationToken);

    /// <summary>The mediator's settings, or the defaults when none were set.</summary>
    Task<MediatorProfile> GetMediatorProfileAsync(long personId, CancellationToken cancellationToken);
}
