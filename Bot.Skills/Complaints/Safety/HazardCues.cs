using static Bot.Skills.Complaints.Safety.HazardRule;

namespace Bot.Skills.Complaints.Safety;

/// <summary>Word lists the context scanner looks for around a hazard match. Extend here, not in code.</summary>
internal static class HazardCues
{
    // Words a negator may stand in front of without breaking the negation: 没(有人)受伤, 没(闻到)煤气味, 未(造成人员)受伤.
    private const string Filler = "(?:有|人员?|再|闻到|闻见|发现|看到|看见|听说|什么|啥|任何|一点|出现|发生|存在|被|了|的|有人|造成|导致|说)*";

    /// <summary>A negator right before the match: 没有煤气味, 不是着火, 并没有人受伤.</summary>
    public static readonly System.Text.RegularExpressions.Regex Negated = Rx("(?:不是|并非|并没有?|没有?|未|无|毫无)" + Filler + "$");

    /// <summary>Two negators cancel: 不是没有煤气味 is a report of gas.</summary>
    public static readonly System.Text.RegularExpressions.Regex DoubleNegated = Rx("(?:不是|并非|不能说)(?:说)?(?:没有?|无)" + Filler + "$");

    /// <summary>After the match: the danger is over (已经修好了, 火灭了). Lookbehinds keep 还没灭 from counting.</summary>
    public static readonly System.Text.RegularExpressions.Regex Resolved = Rx(
        "(?<![没未])(?:修好|处理好|处理完|解决了|灭了|扑灭|熄灭|没事了|没事儿|没啥事|恢复了|恢复正常|排除了|关好了|关掉了|救出来|放出来|被救|送医院|送到医院"
        + "|联系上|找到了|找着了|回来了|回家了|盖上了|补上了|装上了|换好了|不漏了|没味了|味道?(?:也)?没了|味道?散了|消失了|虚惊一场)");

    /// <summary>Before the match: it happened in the past (上次漏气, 之前着火).</summary>
    public static readonly System.Text.RegularExpressions.Regex Past = Rx(
        "之前|以前|此前|先前|早前|上次|上回|那次|曾经|去年|前年|上个月|上周|上星期|前阵子|前段时间|前些天|前几天|昨天|昨晚|前天|小时候|当年|过去");

    /// <summary>Overrides <see cref="Past"/>: the danger is still here (到现在还, 又).</summary>
    public static readonly System.Text.RegularExpressions.Regex StillNow = Rx("现在|还在|还是|还有|又|一直|仍|到现在|至今|依然");

    /// <summary>Before the match: a worry, not an event (万一着火, 担心漏气, 容易触电).</summary>
    public static readonly System.Text.RegularExpressions.Regex Hypothetical = Rx(
        "万一|如果|要是|假如|假设|一旦|担心|害怕|怕|生怕|容易|可能会|会不会|会引起|会导致|防止|预防|防范|以防|避免|隐患|风险|迟早|早晚|哪天|不然|否则|小心|注意|到时候|会$|真(?:要|的)?$");

    /// <summary>Anywhere: the resident asks about a hazard in general (请问燃气泄漏怎么办, 怎么预防火灾).</summary>
    public static readonly System.Text.RegularExpressions.Regex StrongQuestion = Rx(
        "请问|咨询|想问|问一下|问下|想了解|了解一下|科普|培训|演练|讲座|宣传|知识|常识|须知|指南|年检|怎么预防|如何|怎样|怎么判断|有什么办法|什么方法");

    /// <summary>After the match: "what do I do?" — general unless the message shows it is happening here.</summary>
    public static readonly System.Text.RegularExpressions.Regex WeakQuestion = Rx(
        "怎么办|咋办|咋整|咋弄|怎么处理|怎么弄|打什么电话|打哪个电话|找谁|哪个部门|该打|应该打");

    /// <summary>Words that put the hazard in this moment; only these beat a worry (万一有人晕倒能救命 is still a worry).</summary>
    public static readonly System.Text.RegularExpressions.Regex Now = Rx("现在|正在|此刻|刚刚|刚才|这会儿|闻到|闻着");

    /// <summary>Evidence the danger is happening now; beats a question.</summary>
    public static readonly System.Text.RegularExpressions.Regex Present = Rx(
        "现在|正在|此刻|刚刚|刚才|这会儿|快来|救命|赶紧|快点|马上|还在|一直|闻到|闻着|快救|搞快点");

    /// <summary>Before the match: this is about a real place here (家里有煤气味怎么办).</summary>
    public static readonly System.Text.RegularExpressions.Regex Situated = Rx("有|闻到|闻着|家里|屋里|楼道|楼下|楼上|门口|我家|隔壁|这里|这边|厨房");

    /// <summary>Distance words: the resident is unsure. Only gas and fire still count as red when hedged.</summary>
    public static readonly System.Text.RegularExpressions.Regex Hedge = Rx(
        "隐约|好像|似乎|感觉|有点|有些|疑似|可能|是不是|不确定|差点|差一点|像是|貌似|怀疑|说不准|快要?$");

    /// <summary>Intensity words: strong, lasting or spreading; they cancel a hedge.</summary>
    public static readonly System.Text.RegularExpressions.Regex Intense = Rx(
        "很浓|好浓|特别浓|很大|好大|特别大|非常大|一直|越来越|好多人|很多人|一大片|大火|严重|满楼道|呛|熏得|刺鼻|冲鼻|好几个人|到处都是|头晕|好多血");
}
