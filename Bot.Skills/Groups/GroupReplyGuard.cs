using System.Text.RegularExpressions;
using Bot.Skills.Greeting;
using Bot.Skills.Privacy;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Groups;

/// <summary>
/// The last check before anything is said in a group: phone and ID numbers (any run of 7+ digits, spaces and
/// dashes ignored, except the community's own published phone), room numbers, names of people, ticket and booking
/// numbers and WeCom/WeChat ids. A reply that fails is never sent; the resident is asked to continue privately.
/// Also used on questions, to notice personal data a resident is about to share in public.
/// </summary>
public sealed partial class GroupReplyGuard(IOptions<CommunityOptions> community)
{
    /// <summary>Common surnames: a name after 居民/业主 is recognised by them, so 业主委员会 is not a name.</summary>
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    /// <summary>The kinds of personal data found in <paramref name="text"/> (empty when it may go to a group).</summary>
    public IReadOnlyList<string> Findings(string? text, IEnumerable<string>? forbidden = null)
    {
        var found = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return found;
        }

        var normal = Normalise(text);
        var allowed = Digits(community.Value.Phone);
        var joined = DigitGaps().Replace(normal, string.Empty);
        // Joined, a dashed phone reads as one; plain, any long digit run counts (a date such as 2026-12-25 joins to
        // 8 digits that look like neither a phone nor an ID, so it stays allowed).
        if (PhoneOrId().Matches(joined).Concat(LongNumber().Matches(normal)).Any(m => allowed.Length == 0 || !allowed.Contains(Digits(m.Value), StringComparison.Ordinal)))
        {
            found.Add("号码");
        }

        if (Room().IsMatch(normal))
        {
            found.Add("门牌号");
        }

        if (IntroducedName().IsMatch(normal) || HonorificName().IsMatch(normal) || ResidentName().IsMatch(normal))
        {
            found.Add("姓名");
        }

        if (CaseNumber().IsMatch(normal))
        {
            found.Add("工单或预约号");
        }

        if (AccountId().IsMatch(normal) || (forbidden ?? []).Any(f => f.Length >= 3 && normal.Contains(f, StringComparison.OrdinalIgnoreCase)))
        {
            found.Add("账号");
        }

        return found;
    }

    public bool IsSafe(string? text, IEnumerable<string>? forbidden = null) => Findings(text, forbidden).Count == 0;

    /// <summary>Full-width digits and dashes as ASCII, so "１３８－…" is read like "138-…".</summary>
    private static string Normalise(string text) => string.Concat(text.Select(c => c switch
    {
        >= '０' and <= '９' => (char)('0' + (c - '０')),
        '－' or '—' or '–' => '-',
        _ => c,
    }));

    private static string Digits(string? text) => string.Concat((text ?? string.Empty).Where(char.IsAsciiDigit));

    [GeneratedRegex(@"(?<=\d)[\s\-]+(?=\d)")]
    private static partial Regex DigitGaps();

    [GeneratedRegex(@"(?<!\d)(?:1[3-9]\d{9}|\d{17}[\dXx]|0\d{9,11})(?!\d)")]
    private static partial Regex PhoneOrId();

    [GeneratedRegex(@"\d{7,}")]
    private static partial Regex LongNumber();

    /// <summary>3-201, 201室, 3栋201, 5单元302, 1202号房.</summary>
    [GeneratedRegex(@"\d+\s*-\s*\d{3,4}(?!\d)|\d{3,4}\s*(?:室|房|户)|(?:栋|幢|号楼|单元|楼)\s*\d{3,4}(?!\d)|\d+\s*室")]
    private static partial Regex Room();

    [GeneratedRegex(PersonalDataMasker.NamePattern)]
    private static partial Regex IntroducedName();

    [GeneratedRegex("[" + Surnames + @"]\p{IsCJKUnifiedIdeographs}{0,2}(?:先生|女士|阿姨|大爷|大妈|师傅|奶奶|爷爷|小姐|同志)")]
    private static partial Regex HonorificName();

    [GeneratedRegex(@"(?:居民|业主|住户|租户|户主|老人|家属|联系人|报事人|当事人)[:：\s]*[" + Surnames + @"]\p{IsCJKUnifiedIdeographs}{1,2}")]
    private static partial Regex ResidentName();

    /// <summary>Ticket numbers (2026-000123) and booking numbers (B2026-00017).</summary>
    [GeneratedRegex(@"(?<![\dA-Za-z])[Bb]?20\d{2}-\d{3,6}(?!\d)")]
    private static partial Regex CaseNumber();

    /// <summary>WeChat openids (o + 27 characters) and long WeCom-style ids.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])o[A-Za-z0-9_-]{20,}|[A-Za-z0-9_-]{24,}")]
    private static partial Regex AccountId();
}
