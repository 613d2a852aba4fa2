using Bot.Skills.Engine;

namespace Bot.Skills.Grid;

/// <summary>The grid's roster: compounds, buildings, the people responsible for them, and where residents live.</summary>
public interface IGridRoster
{
    /// <summary>Creates (Id 0) or renames a compound.</summary>
    /// <exception cref="RosterConflictException">Another compound has that name.</exception>
    Task<Compound> UpsertCompoundAsync(Compound compound, CancellationToken cancellationToken);

    Task<IReadOnlyList<Compound>> ListCompoundsAsync(CancellationToken cancellationToken);

    Task<Compound?> GetCompoundAsync(long id, CancellationToken cancellationToken);

    /// <summary>Creates (Id 0) or renames a building.</summary>
    /// <exception cref="RosterConflictException">The compound already has a building of that name.</exception>
    /// <exception cref="KeyNotFoundException">No such compound.</exception>
    Task<Building> UpsertBuildingAsync(Building building, CancellationToken cancellationToken);

    /// <summary>Buildings of one compound, or of all when <paramref name="compoundId"/> is null.</summary>
    Task<IReadOnlyList<Building>> ListBuildingsAsync(long? compoundId, CancellationToken cancellationToken);

    Task<Building?> GetBuildingAsync(long id, CancellationToken cancellationToken);

    /// <summary>Finds "幸福里小区", "3栋" by their names as written.</summary>
    Task<Building?> FindBuildingAsync(string compoundName, string buildingName, CancellationToken cancellationToken);

    /// <summary>Creates (Id 0) or updates one person.</summary>
    /// <exception cref="RosterValidationException">The person breaks a rule of their role.</exception>
    /// <exception cref="RosterConflictException">Another active person has that WeCom account.</exception>
    /// <exception cref="KeyNotFoundException">No such person, compound or building.</exception>
    Task<Person> UpsertPersonAsync(Person person, CancellationToken cancellationToken);

    /// <summary>Everyone, or everyone with one role, active or not.</summary>
    Task<IReadOnlyList<Person>> ListPeopleAsync(GridRole? role, CancellationToken cancellationToken);

    Task<Person?> GetPersonAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Who answers for a building, in escalation order: its grid workers, then its compound's grid leader,
    /// then the community grid. Only active people. Mediators and departments are chosen by topic, not place.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such building.</exception>
    Task<IReadOnlyList<Person>> ResponsibleForAsync(long buildingId, CancellationToken cancellationToken);

    /// <summary>Remembers (or changes) the building a resident lives in.</summary>
    /// <exception cref="KeyNotFoundException">No such building.</exception>
    Task BindResidentAsync(ResidentKey resident, long buildingId, CancellationToken cancellationToken);

    Task<Building?> GetResidentBuildingAsync(ResidentKey resident, CancellationToken cancellationToken);

    /// <summary>
    /// Applies checked roster rows in one transaction: compounds and buildings are created as needed, people
    /// are matched by WeCom account, else by name and phone. Either every row is applied or none is: any
    /// row that clashes with the stored roster leaves the roster untouched and is reported with its row number.
    /// </summary>
    Task<RosterImportResult> ImportAsync(IReadOnlyList<RosterEntry> entries, CancellationToken cancellationToken);
}
