namespace Bot.Skills.Mediation;

/// <summary>
/// Which mediator specialty a dispute needs, from the resident's words. Mediators list specialties such as 物业,
/// 邻里, 婚姻家庭, 法律 on the roster; a dispute without a clear match goes to any mediator.
/// </summary>
public static class MediationTopics
{
    private static readonly (string Specialty, string[] Cues)[] Cues =
    [
        ("婚姻家庭", ["离婚", "婚姻", "夫妻", "家暴", "赡养", "抚养", "子女", "老人", "遗产", "继承", "婆媳", "家庭"]),
        ("物业", ["物业", "物业费", "电梯", "维修基金", "保安", "保洁", "停车费", "业委会"]),
        ("邻里", ["邻居", "楼上", "楼下", "隔壁", "对门", "漏水", "渗水", "噪音", "吵", "占用", "堆放", "宠物", "狗", "猫", "停车", "车位", "油烟"]),
        ("法律", ["合同", "赔偿", "起诉", "律师", "欠款", "借钱", "工资", "租房", "押金", "房东", "法律"]),
    ];

    /// <returns>The specialty to look for (the first table row that matches: a neighbour's leak with a claim for
    /// damages is still a neighbours' matter), or null for any mediator.</returns>
    public static string? Specialty(string? topic)
    {
        if (string.IsNullOrWhiteSpace(topic))
        {
            return null;
        }

        foreach (var (specialty, cues) in Cues)
        {
            if (cues.Any(cue => topic.Contains(cue, StringComparison.Ordinal)))
            {
                return specialty;
            }
        }

        return null;
    }
}
