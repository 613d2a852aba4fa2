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

    /// <summary>A name introduced as such: "我叫张三", "姓名：李小红", "联系人王五".</summary>
    internal const string NamePattern = @"(?:我叫|我的名字是|我的名字叫|名字叫|姓名[:：]?|联系人[:：]?)\s*(?<name>\p{IsCJKUnifiedIdeographs}{2,3})";

    /// <summary>Keeps the surname: 张三丰 → 张**.</summary>
    public static string MaskName(string? name) =>
        string.IsNullOrEmpty(name) ? string.Empty : name[..1] + new string('*', Math.Max(1, name.Length - 1));

    /// <summary>Masks mobile numbers, identity-card numbers, room numbers and introduced names inside free text.</summary>
    public static string MaskText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var masked = IdCard().Replace(text, m => $"{m.Value[..3]}***********{m.Value[^4..]}");
        masked = Mobile().Replace(masked, m => $"{m.Value[..3]}****{m.Value[^4..]}");
        masked = Name().Replace(masked, m => m.Value[..(m.Groups["name"].Index - m.Index)] + MaskName(m.Groups["name"].Value));
        return Room().Replace(masked, "**$1");
    }

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex IdCard();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(NamePattern)]
    private static partial Regex Name();

    [GeneratedRegex(@"\d+(号楼|栋|幢|单元|室|号)")]
    private static partial Regex Room();
}
