using Bot.Skills.Grid;
using Bot.Skills.Privacy;

namespace Bot.Host.Endpoints;

public sealed record RosterBuildingDto(long Id, string Name);

public sealed record RosterCompoundDto(long Id, string Name, string? Address, IReadOnlyList<RosterBuildingDto> Buildings);

/// <summary>A person for staff screens. The phone is masked unless the caller asked for it in full.</summary>
public sealed record RosterPersonDto(
    long Id, string Name, string Role, string RoleName, string? WeComUserId, string? Phone, string DutyHours, bool OnDuty,
    long? CompoundId, IReadOnlyList<long> BuildingIds, IReadOnlyList<string> Specialties, bool Active)
{
    public static RosterPersonDto From(Person p, bool fullPhone, DateTimeOffset now) => new(
        p.Id, p.Name, p.Role.Code(), p.Role.ChineseName(), p.WeComUserId,
        p.Phone is null ? null : fullPhone ? p.Phone : PersonalDataMasker.MaskText(p.Phone),
        p.DutyHours.Text, p.DutyHours.IsOnDuty(now), p.CompoundId, p.BuildingIds, p.Specialties, p.Active);
}

/// <summary>Creates a person (no id) or replaces one (with id). Role is the Chinese name or the code.</summary>
public sealed record RosterPersonRequest(
    long? Id, string? Name, string? Role, string? WeComUserId, string? Phone, string? DutyHours,
    long? CompoundId, IReadOnlyList<long>? BuildingIds, IReadOnlyList<string>? Specialties, bool? Active);

public sealed record RosterImportDto(int CompoundsCreated, int BuildingsCreated, int PeopleCreated, int PeopleUpdated);

public sealed record RosterRowErrorDto(int Row, string Message);
