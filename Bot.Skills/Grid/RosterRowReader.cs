namespace Bot.Skills.Grid;

/// <summary>Turns one CSV record into an entry, adding every problem it finds to the errors.</summary>
internal static class RosterRowReader
{
    public static RosterEntry? Read(int row, List<string> fields, char[] separators, List<RosterRowError> errors)
    {
        string Cell(int index) => index < fields.Count ? fields[index].Trim() : string.Empty;
        var before = errors.Count;
        void Fail(string message) => errors.Add(new RosterRowError(row, message));

        var name = Cell(0);
        var roleKnown = GridRoles.TryParse(Cell(1), out var role);
        if (!roleKnown)
        {
            Fail($"角色“{Cell(1)}”无法识别，须为 {GridRoles.AllChineseNames} 之一。");
        }

        if (!PersonRules.TryNormalisePhone(Cell(3), out var phone, out var phoneError))
        {
            Fail(phoneError);
        }

        if (!DutyHours.TryParse(Cell(4), out var duty, out var dutyError))
        {
            Fail(dutyError);
        }

        var compound = Cell(5);
        var buildings = RosterCsv.SplitList(Cell(6), separators);
        if (buildings.Count > 0 && compound.Length == 0)
        {
            Fail("填写楼栋时须同时填写小区。");
        }
        else if (PersonRules.Check(name, role, compound.Length > 0, buildings.Count) is { } rule && (roleKnown || name.Length == 0))
        {
            // A role we could not read has already been reported; its building rules would only add noise.
            Fail(rule);
        }

        if (errors.Count > before)
        {
            return null;
        }

        var weCom = Cell(2);
        return new RosterEntry(row, name, role, weCom.Length == 0 ? null : weCom, phone, duty,
            compound.Length == 0 ? null : compound, buildings, RosterCsv.SplitList(Cell(7), [.. separators, '、']));
    }
}
