using static Bot.Skills.Complaints.Safety.HazardRule;

namespace Bot.Skills.Complaints.Safety;

/// <summary>
/// Serious harm to many households' basic living, or a hazard that may soon hurt someone (橙). They raise the floor
/// but carry no alert: nobody needs to dial an emergency number, the community needs to act today.
/// </summary>
internal static class OrangeHazards
{
    private const string Clause = "[^，,。！!？?；;\\n]";

    private static HazardRule Orange(string reason, string pattern, string? unless = null) =>
        new(reason, reason, Colour.Orange, Rx(pattern), unless is null ? null : Rx(unless));

    public static IReadOnlyList<HazardRule> Rules { get; } =
    [
        Orange("大面积停水停电停暖",
            "(?:整栋|整幢|整个?(?:楼|单元|小区)|全楼|全栋|全单元|全小区|一整栋|好几栋|几栋楼|整片|家家户户|所有(?:住户|人家)|好多户|几百户|上百户|全部住户|一栋楼|一个单元|栋楼|片区)"
            + Clause + "{0,10}(?:停水|停电|停暖|断水|断电|没水|没电|没暖气|没有暖气|暖气不热|不供暖|没热水|没气|停气)"
            + "|(?:全部|全都|连续|整整)" + Clause + "{0,4}(?:停水|停电|停暖|断水|断电)|(?:停水|停电|停暖|断水|断电|没水|没暖气|暖气不热|不供暖|停气)" + Clause + "{0,10}(?:好几天|几天了|两天|三天|一整天|一天一夜|整栋|全楼|全小区|一个星期)",
            unless: "通知|计划|预计|检修公告"),
        Orange("污水外溢",
            "(?:污水|检查井)" + Clause + "{0,8}(?:外溢|溢出|漫|倒灌|冒|横流|往外|返上来|流到|涌入)|倒灌|化粪池" + Clause + "{0,4}(?:冒|满|溢|漫|堵|炸|爆)|粪水" + Clause + "{0,4}(?:流|漫|溢|冒|一地|满)|粪便" + Clause + "{0,3}(?:漫|溢|冒)"
            + "|下水道" + Clause + "{0,4}(?:冒水|冒污水|冒出来|漫出来|溢出来|溢|漫|倒灌|往外冒|反水|返水)|(?:马桶|地漏)" + Clause + "{0,3}(?:返水|反水|冒污水|往上冒)"),
        Orange("消防通道堵塞",
            "消防车?(?:通道|车道|通路|登高)|(?:堆|堵|锁|挡)" + Clause + "{0,6}(?:安全出口|逃生通道|疏散通道)|(?:安全出口|逃生通道|疏散通道|消防门|防火门)" + Clause + "{0,6}(?:锁|堵|堆|挡|封|占)|楼道" + Clause + "{0,6}(?:堆满|堵死|堆得满满)"),
        Orange("电动车违规充电",
            "飞线|楼道" + Clause + "{0,8}充电|拉" + Clause + "{0,3}线" + Clause + "{0,4}充电|插线板" + Clause + "{0,6}充电|(?:家里|屋里|楼道|电梯)" + Clause + "{0,6}(?:电动车|电瓶车)"),
        // Taking an e-bike upstairs is the same hazard; talk about charging piles is a request, not a hazard.
        Orange("电动车违规充电",
            "(?:电动车|电瓶车|电单车|电驴|小电驴|电摩|电动自行车|电瓶)" + Clause + "{0,10}(?:充电|推进楼|推上楼|推进电梯|进电梯|上楼|进楼道|停楼道|放楼道|在楼道|拎回家|拎上楼|带回家)",
            unless: "充电桩|充电站|充电柜|充电棚|充电口|充电车棚|充电区|充电位"),
        Orange("交通信号灯故障",
            "(?:红绿灯|信号灯|交通灯)" + Clause + "{0,10}(?:坏|不亮|灭了|熄灭|失灵|乱|黑了|不工作|故障|一直黄|一直闪|闪黄|不变|倒了)"),
        Orange("高空抛物坠物",
            "高空抛物|高空坠物|楼上" + Clause + "{0,8}(?:扔|丢|抛|泼|往下倒|掉下来|砸下来)|往楼下(?:扔|丢|抛|泼|倒)|从" + Clause + "{0,6}楼" + Clause + "{0,6}(?:扔|丢|抛|掉下)"
            + "|(?:花盆|瓷砖|墙砖|外墙|玻璃|窗户|窗框|空调外机|外机|广告牌|招牌|晾衣杆)" + Clause + "{0,6}(?:掉下来|砸下来|坠落|往下掉|掉落|掉了下来|摇摇欲坠|要掉|松动)"),
        Orange("威胁恐吓", "威胁|恐吓|扬言|放狠话|要(?:弄|整|搞|砍|杀|捅|打)死|(?:弄|打|砍|捅|整)死(?:你|我|他|她)|报复|吓唬|收拾(?:你|我)|找人(?:来)?(?:收拾|弄|打)"),
        Orange("犬只伤人", "(?:狗|犬|泰迪|金毛|藏獒|哈士奇|二哈|柯基|比熊|阿拉斯加|德牧|柴犬)" + Clause + "{0,8}咬|被咬(?:了|伤)|咬伤|咬人"),
        Orange("用电安全隐患",
            "漏电|电线" + Clause + "{0,4}(?:裸露|老化|外露|私拉|乱拉|乱接)|私拉乱接|(?:配电箱|电表箱|电箱)" + Clause + "{0,6}(?:敞|没门|冒火|烧|发烫|冒烟)",
            unless: "漏电保护"),
        Orange("井盖松动破损", "井盖" + Clause + "{0,4}(?:松动|松了|翘|晃|不稳|歪|裂|凹)"),
        Orange("电梯运行异常", "电梯" + Clause + "{0,8}(?:下坠|突然掉|往下掉|溜梯|冲顶|急停|夹人|夹到|夹住)"),
        Orange("房屋结构隐患",
            "拆(?:了)?承重墙|承重墙" + Clause + "{0,4}(?:拆|砸|打)|(?:墙|房|楼|梁|柱|天花板)" + Clause + "{0,6}(?:裂缝|裂开|开裂|裂了)|危房"),
    ];
}
