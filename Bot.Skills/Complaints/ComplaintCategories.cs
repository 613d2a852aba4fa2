namespace Bot.Skills.Complaints;

/// <summary>The contract's complaint categories, with the names residents and staff read.</summary>
public static class ComplaintCategories
{
    public const string Noise = "noise";
    public const string Parking = "parking";
    public const string StreetVending = "street_vending";
    public const string IllegalConstruction = "illegal_construction";
    public const string Property = "property";
    public const string NeighbourDispute = "neighbour_dispute";
    public const string Sanitation = "sanitation";
    public const string Facilities = "facilities";
    public const string Safety = "safety";
    public const string Assistance = "assistance";
    public const string Consultation = "consultation";
    public const string Suggestion = "suggestion";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [Noise] = "噪声扰民",
        [Parking] = "停车",
        [StreetVending] = "占道经营",
        [IllegalConstruction] = "违章搭建",
        [Property] = "物业管理",
        [NeighbourDispute] = "邻里纠纷",
        [Sanitation] = "环境卫生",
        [Facilities] = "公共设施",
        [Safety] = "安全隐患",
        [Assistance] = "民生帮扶",
        [Consultation] = "政策咨询与办事",
        [Suggestion] = "意见建议",
    };

    public static IReadOnlyList<string> All { get; } = [.. Names.Keys];

    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code);

    public static string ChineseName(string code) => Names.TryGetValue(code, out var name) ? name : code;

    /// <summary>Categories whose cases are usually not complaints to act on, so green unless a rule says more.</summary>
    public static bool IsGreenByNature(string code) => code is Consultation or Suggestion or Assistance;
}
