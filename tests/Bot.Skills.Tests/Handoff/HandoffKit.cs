using Bot.Skills.Complaints;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Bot.Skills.Tests.Complaints;
using Bot.Skills.Tests.Engine;

namespace Bot.Skills.Tests.Handoff;

/// <summary>幸福里小区 3栋 with two workers on duty every day 08:00-18:00, a leader and the community grid; Wednesday 09:00.</summary>
internal static class HandoffKit
{
    public static readonly SafetyAlert Gas = new("燃气泄漏", "119", "立即关闭燃气阀门，开窗通风，到室外拨打119。");

    public static EngineTestKit Create(string workerDuty = "每天 08:00-18:00", string leaderDuty = "每天 08:00-18:00", Bot.Skills.Language.ILanguageModel? model = null)
    {
        var kit = new EngineTestKit(model, new KeywordClassifier()
            .On("装修", ComplaintCategories.Noise)
            .On("煤气味", ComplaintCategories.Safety, Colour.Red, alert: Gas));
        var building = kit.Roster.AddBuilding("幸福里小区", "3栋");
        kit.Roster.AddBuilding("和谐家园", "1栋");
        kit.Roster.AddPerson("赵六", GridRole.GridWorker, "zhaoliu", workerDuty, building);
        kit.Roster.AddPerson("钱七", GridRole.GridWorker, "qianqi", workerDuty, building);
        kit.Roster.AddPerson("李四", GridRole.GridLeader, "lisi", leaderDuty, compoundId: building.CompoundId);
        kit.Roster.AddPerson("王五", GridRole.CommunityGrid, "wangwu", leaderDuty);
        return kit;
    }

    public static Building Building(this EngineTestKit kit) =>
        kit.Roster.FindBuildingAsync("幸福里小区", "3栋", CancellationToken.None).Result!;

    public static void Bind(this EngineTestKit kit, string user) => kit.Roster.Bind(new ResidentKey("test", user), kit.Building());
}
