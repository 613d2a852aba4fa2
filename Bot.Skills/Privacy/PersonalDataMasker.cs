using System.Text.RegularExpressions;

namespace Bot.Skills.Privacy;

/// <summary>Masks residents' personal data before it reaches a log or a group chat.</summary>
public static partial class PersonalDataMasker
{
    /// <summary>Keeps the first and last four characters of an id such as an openid.</summary>
    public static string MaskId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return string.Empty;
        }

        return id.Length <= 8 ? new string('*', id.Length) : $"{id[..4]}***{id[^4..]}";
    }

    /// <summary>Masks mobile numbers, identity-card numbers and room numbers inside free text.</summary>
    public static string MaskText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var masked = IdCard().Replace(text, m => $"{m.Value[..3]}***********{m.Value[^4..]}");
        masked = Mobile().Replace(masked, m => $"{m.Value[..3]}****{m.Value[^4..]}");
        return Room().Replace(masked, "**$1");
    }

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex IdCard();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"\d+(号楼|栋|幢|单元|室|号)")]
    private static partial Regex Room();
}
