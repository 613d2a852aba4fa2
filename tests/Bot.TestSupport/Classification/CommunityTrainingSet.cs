using System.Text;

namespace Bot.TestSupport.Classification;

/// <summary>
/// A tiny stand-in for the real community training set (id,text,category,colour): 12 categories × 6 messages and
/// all four colours, so tests do not depend on the embedded data file. Use with <c>Complaints:TrainingDataPath</c>.
/// </summary>
public static class CommunityTrainingSet
{
    private static readonly (string Category, string Colour, string Text)[] Rows =
    [
        .. Same("noise", "yellow", "楼上半夜装修噪音太大", "广场舞音响太吵睡不着", "酒吧凌晨放音乐很吵", "工地夜间施工噪声扰民", "邻居家狗整夜叫吵死了", "KTV声音太大影响休息"),
        .. Same("parking", "yellow", "车辆乱停堵住小区出口", "私家车长期占用别人车位", "路边停满了车过不去", "小区车位不够到处乱停", "外来车辆随意停在小区里", "汽车停在人行道上"),
        .. Same("street_vending", "yellow", "小贩占道摆摊卖水果", "早餐摊占用人行道", "夜市烧烤摊占道经营", "流动商贩堵住路口", "店铺把货物摆到马路上", "菜贩在路边占道卖菜"),
        .. Same("illegal_construction", "yellow", "楼顶私自加盖房子", "一楼住户违规扩建院子", "阳台违章搭建铁皮棚", "有人在绿地上搭建板房", "小区里私搭乱建车棚", "邻居违建侵占公共通道"),
        .. Same("property", "yellow", "物业不管事,服务太差", "物业费上涨不合理", "小区保安不负责任", "物业维修拖了好几周", "物业乱收停车管理费", "物业对报修推诿扯皮"),
        .. Same("neighbour_dispute", "yellow", "邻居家漏水到我家不肯赔", "和楼上邻居吵架了", "邻居在楼道堆杂物不听劝", "隔壁空调外机对着我家窗户", "邻居家树枝挡住我家采光", "两家为了一块地吵起来"),
        .. Same("sanitation", "yellow", "垃圾堆了好几天没人清运", "垃圾桶满了臭气熏天", "污水横流味道难闻", "有人乱扔垃圾环境很脏", "公厕很久没人打扫", "绿化带里全是垃圾"),
        .. Same("facilities", "yellow", "路灯坏了晚上一片漆黑", "健身器材损坏没人维修", "公共座椅坏了很久", "小区道路坑洼不平"),
        .. Same("facilities", "orange", "井盖丢了路上有个大洞", "自来水管爆裂全楼停水"),
        .. Same("safety", "red", "楼道里有很浓的煤气味", "楼下着火了冒浓烟", "有人被困在电梯里出不来"),
        .. Same("safety", "orange", "电动车在楼道里充电有火灾隐患", "消防栓坏了没人管", "高空抛物差点砸到人"),
        .. Same("assistance", "green", "独居老人需要上门照顾", "低保怎么申请帮扶", "残疾人想申请补贴", "困难家庭需要救助", "老人行动不便需要助餐", "孩子上学有困难希望帮扶"),
        .. Same("consultation", "green", "请问办居住证需要什么材料", "社区办公时间是几点", "怎么办理老年证", "医保在哪里缴费", "新生儿落户怎么办理", "开证明需要带什么"),
        .. Same("suggestion", "green", "建议小区多装几个充电桩", "希望增加一些休闲座椅", "建议在广场多种点树", "希望社区多组织文体活动", "建议增设快递柜", "希望公交站加个雨棚"),
    ];

    public static int Count => Rows.Length;

    /// <summary>The set as CSV with a header; texts quoted (one holds a comma) as a spreadsheet export would.</summary>
    public static string Csv(Func<string, string>? category = null)
    {
        var csv = new StringBuilder("id,text,category,colour\n");
        for (var i = 0; i < Rows.Length; i++)
        {
            var (code, colour, text) = Rows[i];
            csv.Append($"t{i:000},\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{category?.Invoke(code) ?? code},{colour}\n");
        }

        return csv.ToString();
    }

    /// <summary>Writes <see cref="Csv"/> into <paramref name="directory"/> and returns the file's full path.</summary>
    public static string WriteTo(string directory, string fileName = "community-messages-test.csv")
    {
        var path = Path.Combine(directory, fileName);
        File.WriteAllText(path, Csv(), new UTF8Encoding(false));
        return path;
    }

    private static IEnumerable<(string, string, string)> Same(string category, string colour, params string[] texts) =>
        texts.Select(t => (category, colour, t));
}
