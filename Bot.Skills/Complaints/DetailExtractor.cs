using System.Text.RegularExpressions;

namespace Bot.Skills.Complaints;

/// <summary>
/// Finds where and since when in a resident's own words, so the bot only asks for what is missing.
/// A place needs something that locates it (compound, building, road, landmark); "楼下" alone does not.
/// </summary>
public static partial class DetailExtractor
{
    public static string? Place(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (Match match in PlacePattern().Matches(text))
        {
            parts.Add(match.Value);
        }

        return parts.Count == 0 ? null : string.Concat(parts.Distinct());
    }

    /// <summary>The compound (小区) named in a place, used as the grid until the roster binds residents.</summary>
    public static string? Compound(string? place) =>
        place is null ? null : CompoundPattern().Match(place) is { Success: true } match ? match.Value : null;

    public static string? Since(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = SincePattern().Match(text);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}A-Za-z0-9-[在的了去到我你他她是有还就都说个这那对人们边旁外前后]]{1,10}?(小区|花园|公寓|家园|新村|新城|苑|园区|大院|大厦|广场|社区|村)")]
    private static partial Regex CompoundPattern();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}A-Za-z0-9-[在的了去到我你他她是有还就都说个这那对人们边旁外前后]]{1,10}?(小区|花园|公寓|家园|新村|新城|苑|园区|大院|大厦|广场|社区|村)|[0-9一二三四五六七八九十两]+(号楼|栋|幢|座|单元|层|楼|室|号)|[\p{IsCJKUnifiedIdeographs}]{1,8}(路|街|巷|大道|胡同|弄)([0-9]+号)?|(菜市场|农贸市场|公园|学校|幼儿园|医院|超市|地铁站|公交站|停车场|地下车库|车库|垃圾站|篮球场|广场)")]
    private static partial Regex PlacePattern();

    [GeneratedRegex(@"(从)?(今天|昨天|前天|今晚|昨晚|前晚|今早|昨早|刚才|刚刚|上周[一二三四五六日天]?|这周|本周|上个月|这个月|最近|前几天|这几天|这两天|好几天|[0-9一二三四五六七八九十两几半]+(个)?(分钟|小时|天|晚|周|星期|礼拜|个月|月|年)(了|多了|以来)?|每天晚上|每天夜里|每晚|每天|天天|夜里|半夜|凌晨|一直|经常|总是|长期|早上|晚上|中午|下午)")]
    private static partial Regex SincePattern();
}
