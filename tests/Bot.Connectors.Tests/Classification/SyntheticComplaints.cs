using System.Text;
using Bot.Connectors.Classification;

namespace Bot.Connectors.Tests.Classification;

/// <summary>
/// A small hand-written Chinese complaint set: four categories, 20 training lines each (4 phrasings × 5 places),
/// and held-out variants that use other places and reworded phrasings of the same problems.
/// </summary>
internal static class SyntheticComplaints
{
    private static readonly string[] TrainPlaces = ["3号楼", "幸福小区", "东门", "5栋2单元", "菜市场旁边"];
    private static readonly string[] TestPlaces = ["学校门口", "河滨路", "老街"];

    private static readonly Dictionary<string, (string[] Train, string[] Test)> Phrases = new()
    {
        ["noise"] = (
            ["楼上半夜装修噪音太大", "广场舞音响声音吵得睡不着", "酒吧凌晨还在放音乐很吵", "工地晚上施工噪声扰民"],
            ["夜里装修声音太吵了", "跳广场舞的音响太响", "工地半夜施工吵得没法睡觉"]),
        ["parking"] = (
            ["车辆乱停乱放堵住通道", "私家车占用消防通道停车", "电动车停在楼道里", "小区车位不够到处停车"],
            ["汽车乱停把路堵了", "有车长期占用消防通道", "车位太少大家乱停车"]),
        ["sanitation"] = (
            ["垃圾堆了好几天没人清运", "垃圾桶满了臭气熏天", "污水横流味道很难闻", "有人乱扔垃圾环境很脏"],
            ["垃圾没人清运都发臭了", "污水到处流很难闻", "垃圾桶旁边太脏太臭"]),
        ["facilities"] = (
            ["路灯坏了晚上一片漆黑", "电梯经常故障停运", "健身器材损坏没人维修", "公共座椅坏了很久没修"],
            ["路灯不亮了请尽快维修", "电梯又坏了停运好几天", "健身器材坏了一直没人修"]),
    };

    public static IReadOnlyList<LabelledText> Train() => Build(TrainPlaces, p => p.Train, "train");

    public static IReadOnlyList<LabelledText> HeldOut() => Build(TestPlaces, p => p.Test, "test");

    /// <summary>The rows as CSV with header; every text quoted, as a spreadsheet export would.</summary>
    public static string ToCsv(IEnumerable<LabelledText> rows)
    {
        var csv = new StringBuilder("id,text,label\n");
        foreach (var row in rows)
        {
            csv.Append(row.Id).Append(",\"").Append(row.Text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",")
                .Append(row.Label).Append('\n');
        }

        return csv.ToString();
    }

    private static List<LabelledText> Build(
        string[] places, Func<(string[] Train, string[] Test), string[]> select, string prefix)
    {
        var rows = new List<LabelledText>();
        foreach (var (label, phrases) in Phrases)
        {
            foreach (var phrase in select(phrases))
            {
                foreach (var place in places)
                {
                    rows.Add(new LabelledText($"{prefix}-{rows.Count:D3}", place + phrase, label));
                }
            }
        }

        return rows;
    }
}
