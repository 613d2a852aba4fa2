namespace Bot.Skills.Grid;

/// <summary>
/// The roster as staff keep it in a spreadsheet: 姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长.
/// Several buildings or specialties go in one cell, separated by ；or |.
/// </summary>
public static class RosterCsv
{
    public static IReadOnlyList<string> Header { get; } = ["姓名", "角色", "企业微信账号", "手机", "值班时间", "小区", "楼栋", "专长"];

    private static readonly char[] ListSeparators = ['；', ';', '|', '｜'];

    /// <summary>Reads and checks every row; the entries are only usable when there are no errors.</summary>
    public static RosterCsvResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<(int Row, List<string> Fields)> records;
        try
        {
            records = Csv.Read(text);
        }
        catch (FormatException ex)
        {
            return new RosterCsvResult([], [new RosterRowError(0, ex.Message)]);
        }

        records.RemoveAll(r => r.Fields.All(string.IsNullOrWhiteSpace));
        if (records.Count == 0 || records[0].Row != 1 || !records[0].Fields.Select(f => f.Trim()).Take(Header.Count).SequenceEqual(Header))
        {
            return new RosterCsvResult([], [new RosterRowError(1, $"第一行须为表头：{string.Join(',', Header)}。")]);
        }

        var entries = new List<RosterEntry>();
        var errors = new List<RosterRowError>();
        var weComRows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, fields) in records.Skip(1))
        {
            var entry = RosterRowReader.Read(row, fields, ListSeparators, errors);
            if (entry?.WeComUserId is { } weCom && !weComRows.TryAdd(weCom, row))
            {
                errors.Add(new RosterRowError(row, $"企业微信账号“{weCom}”与第 {weComRows[weCom]} 行重复。"));
            }
            else if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        return new RosterCsvResult(errors.Count == 0 ? entries : [], errors);
    }

    /// <summary>The same format <see cref="Parse"/> reads, so an export imports back unchanged.</summary>
    public static string Write(IEnumerable<RosterEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var lines = new System.Text.StringBuilder(Csv.Line(Header));
        foreach (var e in entries)
        {
            lines.Append(Csv.Line([
                e.Name, e.Role.ChineseName(), e.WeComUserId ?? string.Empty, e.Phone ?? string.Empty, e.DutyHours.Text,
                e.CompoundName ?? string.Empty, string.Join('；', e.BuildingNames), string.Join('；', e.Specialties)]));
        }

        return lines.ToString();
    }

    /// <summary>A stored person by names, for export.</summary>
    public static RosterEntry ToEntry(Person person, IReadOnlyDictionary<long, Compound> compounds, IReadOnlyDictionary<long, Building> buildings)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(compounds);
        ArgumentNullException.ThrowIfNull(buildings);
        var compound = person.CompoundId is { } id && compounds.TryGetValue(id, out var c) ? c.Name : null;
        return new RosterEntry(0, person.Name, person.Role, person.WeComUserId, person.Phone, person.DutyHours, compound,
            person.BuildingIds.Where(buildings.ContainsKey).Select(b => buildings[b].Name).ToList(), person.Specialties);
    }

    internal static List<string> SplitList(string cell, char[] separators) =>
        cell.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>The rows of an import, or why it was refused.</summary>
public sealed record RosterCsvResult(IReadOnlyList<RosterEntry> Entries, IReadOnlyList<RosterRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
