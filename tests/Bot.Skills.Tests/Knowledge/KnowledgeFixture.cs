using Bot.Skills.Knowledge;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Skills.Tests.Knowledge;

/// <summary>A store over a fixed list, and a dozen entries a community would really publish.</summary>
internal sealed class MemoryKnowledgeStore(IEnumerable<KnowledgeEntry> entries) : IKnowledgeStore
{
    public List<KnowledgeEntry> Entries { get; } = [.. entries];

    public ValueTask<IReadOnlyList<KnowledgeEntry>> ListActiveAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<KnowledgeEntry>>(Entries);
}

internal static class KnowledgeFixture
{
    private static KnowledgeEntry E(string id, string question, string answer, string source, params string[] tags) =>
        new(id, question, answer, source, null, tags);

    public static IReadOnlyList<KnowledgeEntry> Community { get; } =
    [
        E("residence-permit", "办理居住证需要什么材料？",
            "持**身份证**、一寸照片和租房合同（或房产证），到社区党群服务中心一楼窗口登记，满半年后到派出所领取居住证。",
            "XX派出所户籍窗口", "居住证", "户籍", "外地人"),
        E("senior-card", "老年卡（老年人优待证）怎么办理？",
            "年满60周岁的本市户籍老人带身份证到社区窗口申请，70周岁以上乘公交免费。",
            "区民政局老龄科", "老年卡", "老年人优待证", "公交"),
        E("garbage-times", "垃圾分类定时定点投放是几点？",
            "每天早上7:00-9:00、晚上18:00-20:00两次定时投放，其余时间请投到小区东门的误时投放点。厨余垃圾要破袋。",
            "街道城管科", "垃圾分类", "厨余垃圾", "投放时间"),
        E("ebike-charging", "电动车在哪里充电？能不能拉线充电？",
            "严禁飞线充电和电动车进楼入户。请使用小区3号楼北侧的集中充电棚，扫码付费，每小时0.5元。",
            "街道消防安全办", "电动车", "电瓶车", "充电", "飞线"),
        E("property-fee", "物业费怎么交？收费标准是多少？",
            "住宅物业费每月每平方米1.2元，可在物业服务中心或“智慧物业”小程序缴纳，按年交有优惠。",
            "小区物业服务中心", "物业费", "物业", "缴费"),
        E("medical-insurance", "城乡居民医保怎么交费？",
            "城乡居民基本医疗保险每年9月至12月集中缴费，可用微信“医保电子凭证”或到社区窗口缴纳，个人缴费标准以当年通知为准。",
            "区医疗保障局", "医保", "医疗保险", "参保"),
        E("elderly-care", "社区有哪些养老服务？",
            "社区日间照料中心提供助餐、助浴、健康监测，80岁以上独居老人可申请上门探访，电话预约。",
            "社区养老服务站", "养老", "日间照料", "助餐", "居家养老"),
        E("low-income", "低保怎么申请？",
            "家庭人均收入低于本市低保标准的，户主带户口本、身份证和收入证明到社区提出申请，经入户调查和公示后审批。",
            "区民政局社会救助科", "低保", "最低生活保障", "救助"),
        E("newborn-registration", "新生儿怎么上户口？",
            "出生一个月内，父母带出生医学证明、户口本、结婚证到派出所户籍窗口办理落户。",
            "XX派出所户籍窗口", "新生儿", "上户口", "落户"),
        E("disability-subsidy", "残疾人两项补贴怎么申领？",
            "持残疾人证到社区窗口申请困难残疾人生活补贴和重度残疾人护理补贴，每月随社保卡发放。",
            "区残联", "残疾人", "补贴", "残疾证"),
        E("marriage-certificate", "结婚登记去哪里办？",
            "双方带身份证和户口本到区婚姻登记处办理，可在“婚姻登记预约”小程序提前预约。",
            "区民政局婚姻登记处", "结婚", "婚姻登记"),
        E("pet-dog", "养狗要办狗证吗？",
            "养犬需要办理犬只登记证并每年免疫，遛狗必须牵绳，及时清理粪便。",
            "街道综合执法队", "养犬", "狗证", "遛狗"),
    ];

    public static (KnowledgeRetriever Retriever, MemoryKnowledgeStore Store, FakeTimeProvider Time) Create(
        IEnumerable<KnowledgeEntry>? entries = null)
    {
        // 2026-11-25 10:00 in China.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
        var store = new MemoryKnowledgeStore(entries ?? Community);
        return (new KnowledgeRetriever(store, time), store, time);
    }
}
