using System.Text.RegularExpressions;
using Bot.Skills.Complaints;

namespace Bot.Skills.Dispatch;

/// <summary>
/// The compound and building named in a ticket's place ("幸福里小区3号楼2单元"). Residents write 3号楼, 3栋 or 三栋
/// for what the roster calls one name, so every usual spelling of the number is offered for lookup.
/// </summary>
public sealed partial record PlaceReference(string Compound, IReadOnlyList<string> BuildingNames)
{
    private static readonly string[] Units = ["栋", "号楼", "幢", "座", "号"];

    public static PlaceReference? Parse(string? place)
    {
        if (DetailExtractor.Compound(place) is not { } compound)
        {
            return null;
        }

        var match = BuildingPattern().Match(place![(place!.IndexOf(compound, StringComparison.Ordinal) + compound.Length)..]);
        if (!match.Success)
        {
            return null;
        }

        var number = ToDigits(match.Groups["n"].Value);
        List<string> names = [match.Value];
        if (number is not null)
        {
            names.AddRange(Units.Select(unit => number + unit));
        }

        return new PlaceReference(compound, names.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>1–99 in digits or Chinese numerals; null for anything else.</summary>
    private static string? ToDigits(string n)
    {
        if (n.All(char.IsAsciiDigit))
        {
            return n.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : null;
        }

        const string Digits = "零一二三四五六七八九";
        int Digit(char c) => c == '两' ? 2 : Digits.IndexOf(c, StringComparison.Ordinal);
        var value = n switch
        {
            [var one] when one != '十' => Digit(one),
            ['十'] => 10,
            ['十', var one] => 10 + Digit(one),
            [var tens, '十'] => Digit(tens) * 10,
            [var tens, '十', var one] => (Digit(tens) * 10) + Digit(one),
            _ => -1,
        };
        return value > 0 ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"(?<n>[0-9]{1,3}|[一二三四五六七八九十两]{1,3})(号楼|栋|幢|座|号)")]
    private static partial Regex BuildingPattern();
}
