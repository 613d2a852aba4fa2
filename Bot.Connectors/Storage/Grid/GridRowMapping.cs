using Bot.Skills.Grid;

namespace Bot.Connectors.Storage.Grid;

internal static class GridRowMapping
{
    public static Compound ToCompound(this CompoundRow row) => new(row.Id, row.Name, row.Address);

    public static Building ToBuilding(this BuildingRow row) => new(row.Id, row.CompoundId, row.Name);

    public static Person ToPerson(this PersonRow row, IEnumerable<long> buildingIds) => new(
        row.Id,
        row.Name,
        (GridRole)row.Role,
        row.WeComUserId,
        row.Phone,

        // Stored text was parsed before it was saved; should a rule tighten later, the person stays listed.
        DutyHours.TryParse(row.DutyHours, out var hours, out _) ? hours : DutyHours.AllDay,
        row.CompoundId,
        buildingIds.Order().ToList(),
        row.Specialties.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        row.Active);
}
