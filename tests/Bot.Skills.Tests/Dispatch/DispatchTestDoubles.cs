using Bot.Skills.Dispatch;
using Bot.Skills.Engine;
using Bot.Skills.Grid;

namespace Bot.Skills.Tests.Dispatch;

/// <summary>The roster's lookups in memory; the editing and import methods are not needed by dispatch.</summary>
internal sealed class MemoryRoster : IGridRoster
{
    private readonly List<Compound> _compounds = [];
    private readonly List<Building> _buildings = [];
    private readonly List<Person> _people = [];
    private readonly Dictionary<ResidentKey, long> _residents = [];

    public Building AddBuilding(string compound, string name)
    {
        var c = _compounds.FirstOrDefault(x => x.Name == compound) ?? Add(_compounds, new Compound(_compounds.Count + 1, compound, null));
        return Add(_buildings, new Building(_buildings.Count + 1, c.Id, name));
    }

    public Person AddPerson(string name, GridRole role, string? weCom, string duty = "全天", Building? building = null, long? compoundId = null, bool active = true) =>
        Add(_people, new Person(_people.Count + 1, name, role, weCom, null, DutyHours.Parse(duty),
            compoundId ?? building?.CompoundId, building is null ? [] : [building.Id], [], active));

    /// <summary>When set, building lookups fail as an unreachable database would.</summary>
    public bool Broken { get; set; }

    public void Bind(ResidentKey resident, Building building) => _residents[resident] = building.Id;

    public Task<Building?> FindBuildingAsync(string compoundName, string buildingName, CancellationToken cancellationToken) => Broken
        ? throw new InvalidOperationException("roster unavailable")
        : Task.FromResult(_buildings.FirstOrDefault(b => b.Name == buildingName && _compounds.Any(c => c.Id == b.CompoundId && c.Name == compoundName)));

    public Task<IReadOnlyList<Person>> ResponsibleForAsync(long buildingId, CancellationToken cancellationToken)
    {
        var building = _buildings.Single(b => b.Id == buildingId);
        return Task.FromResult<IReadOnlyList<Person>>(_people
            .Where(p => p.Active && ((p.Role == GridRole.GridWorker && p.BuildingIds.Contains(buildingId))
                || (p.Role == GridRole.GridLeader && p.CompoundId == building.CompoundId) || p.Role == GridRole.CommunityGrid))
            .OrderBy(p => p.Role).ThenBy(p => p.Id).ToList());
    }

    public Task<IReadOnlyList<Person>> ListPeopleAsync(GridRole? role, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Person>>(_people.Where(p => role is null || p.Role == role).ToList());

    public Task<Building?> GetResidentBuildingAsync(ResidentKey resident, CancellationToken cancellationToken) =>
        Task.FromResult(_residents.TryGetValue(resident, out var id) ? _buildings.Single(b => b.Id == id) : null);

    public Task<IReadOnlyList<Compound>> ListCompoundsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Compound>>(_compounds);

    public Task<Compound?> GetCompoundAsync(long id, CancellationToken cancellationToken) => Task.FromResult(_compounds.FirstOrDefault(c => c.Id == id));

    public Task<IReadOnlyList<Building>> ListBuildingsAsync(long? compoundId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Building>>(_buildings.Where(b => compoundId is null || b.CompoundId == compoundId).ToList());

    public Task<Building?> GetBuildingAsync(long id, CancellationToken cancellationToken) => Task.FromResult(_buildings.FirstOrDefault(b => b.Id == id));

    public Task<Person?> GetPersonAsync(long id, CancellationToken cancellationToken) => Task.FromResult(_people.FirstOrDefault(p => p.Id == id));

    public Task<Compound> UpsertCompoundAsync(Compound compound, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Building> UpsertBuildingAsync(Building building, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Person> UpsertPersonAsync(Person person, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task BindResidentAsync(ResidentKey resident, long buildingId, CancellationToken cancellationToken)
    {
        _residents[resident] = _buildings.Single(b => b.Id == buildingId).Id;
        return Task.CompletedTask;
    }

    public Task<RosterImportResult> ImportAsync(IReadOnlyList<RosterEntry> entries, CancellationToken cancellationToken) => throw new NotSupportedException();

    private static T Add<T>(List<T> list, T item)
    {
        list.Add(item);
        return item;
    }
}

internal sealed class RecordingStaffNotifier : IStaffNotifier
{
    public List<(string UserId, StaffCard Card)> Sent { get; } = [];

    public Task NotifyAsync(string weComUserId, StaffCard card, CancellationToken cancellationToken)
    {
        Sent.Add((weComUserId, card));
        return Task.CompletedTask;
    }
}
