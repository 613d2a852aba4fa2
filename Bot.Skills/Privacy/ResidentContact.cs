using System.Text.RegularExpressions;

namespace Bot.Skills.Privacy;

/// <summary>
/// The name and phone a resident gave in their own words ("我姓王，电话138…"), already masked: WeChat tells the bot
/// neither, and staff views show them masked (the console shows them in full to those allowed).
/// </summary>
public sealed partial record ResidentContact(string? MaskedName, string? MaskedPhone)
{
    public static ResidentContact From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ResidentContact(null, null);
        }

        var phone = Phone().Match(text) is { Success: true } p ? MaskPhone(p.Value) : null;
        string? name = null;
        if (FullName().Match(text) is { Success: true } full)
        {
            name = PersonalDataMasker.MaskName(full.Groups["name"].Value);
        }
        else if (Surname().Match(text) is { Success: true } surname)
        {
            name = $"{surname.Groups["surname"].Value}**";
        }

        return new ResidentContact(name, phone);
    }

    /// <summary>One line for a work card.</summary>
    public string Line() =>
        $"居民：{MaskedName ?? "未留姓名"}｜电话：{MaskedPhone ?? "未留（可用“回复”联系居民）"}";

    private static string MaskPhone(string phone)
    {
        var digits = phone.Replace("-", string.Empty, StringComparison.Ordinal);
        return digits.Length >= 7 ? $"{digits[..3]}****{digits[^4..]}" : "****";
    }

    [GeneratedRegex(@"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")]
    private static partial Regex Phone();

    [GeneratedRegex(PersonalDataMasker.NamePattern)]
    private static partial Regex FullName();

    [GeneratedRegex(@"(?:我姓|本人姓|我是)(?<surname>\p{IsCJKUnifiedIdeographs})(?:先生|女士|阿姨|大爷|大妈|师傅|老师|奶奶|爷爷|$|[，,。\s])")]
    private static partial Regex Surname();
}
