using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Safety;

namespace Bot.Skills.Tests.Complaints.Safety;

public sealed class SafetyRulesTests
{
    private readonly SafetyRules rules = new();

    [Theory]
    [InlineData("楼道里一股煤气味 好浓", "119", "燃气泄漏")]
    [InlineData("家里闻到燃汽味了 咋整", "119", "燃气泄漏")]
    [InlineData("燃气报警器一直在响", "119", "燃气泄漏")]
    [InlineData("6号楼着火了 黑烟往外冒", "119", "火情")]
    [InlineData("车棚起火了 快来", "119", "火情")]
    [InlineData("楼上在冒烟 烟感在叫", "119", "火情")]
    [InlineData("电梯困人了 我妈在里面", "119", "有人被困")]
    [InlineData("我爸被困在电梯里半小时了", "119", "有人被困")]
    [InlineData("孩子锁在屋里出不来 在哭", "119", "有人被困")]
    [InlineData("5栋李大爷晕倒了 叫不醒", "120", "有人受伤或急病")]
    [InlineData("老人摔倒了起不来", "120", "有人受伤或急病")]
    [InlineData("砸到人了 头在流血", "120", "有人受伤或急病")]
    [InlineData("楼下有人拿刀砍人", "110", "暴力伤害")]
    [InlineData("隔壁男的又在家暴 女的一直喊", "110", "暴力伤害")]
    [InlineData("两拨人在门口打群架", "110", "暴力伤害")]
    [InlineData("电线断了掉在地上 还在冒火花", "95598", "电线断落")]
    [InlineData("电线杆倒了 电线拖在路上", "95598", "电线断落")]
    [InlineData("一根高压线掉下来了", "95598", "电线断落")]
    [InlineData("围墙要塌了 往外歪", "119", "房屋倒塌")]
    [InlineData("马路上塌陷了个大坑", "119", "房屋倒塌")]
    [InlineData("广告牌倾斜了随时会倒", "119", "房屋倒塌")]
    [InlineData("菜场门口的井盖没了", "110", "井盖缺失")]
    [InlineData("窨井盖被人偷了 一个黑洞", "110", "井盖缺失")]
    [InlineData("人行道上没有井盖 就拿筐罩着", "110", "井盖缺失")]
    [InlineData("我爸一个人在家 电话打不通 两天了", "110", "老人或孩子联系不上")]
    [InlineData("独居的王奶奶好几天没出门了 敲门没人应", "110", "老人或孩子联系不上")]
    [InlineData("孩子放学到现在还没回家", "110", "老人或孩子联系不上")]
    [InlineData("救护车现在在门口 被车堵住进不来", "119", "急救车辆受阻")]
    [InlineData("着火了消防车被私家车挡住开不进来 在门口等着", "119", "火情")]
    [InlineData("急救车卡在3栋门口进不去", "119", "急救车辆受阻")]
    [InlineData("被电到了 人倒在地上", "120", "有人受伤或急病")]
    [InlineData("有人触电了", "120", "有人触电")]
    [InlineData("隔着门听见有人呼救", "110", "有人呼救")]
    public void Evaluate_RedHazard_AlertsWithItsNumber(string text, string number, string hazard)
    {
        var verdict = rules.Evaluate(text);

        Assert.Equal(Colour.Red, verdict.Floor);
        Assert.NotNull(verdict.Alert);
        Assert.Equal(hazard, verdict.Alert.Hazard);
        Assert.Equal(number, verdict.Alert.EmergencyNumber);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Alert.Advice));
    }

    [Fact]
    public void Evaluate_Gas_AdviceSaysNoSwitchesNoFlameAnd119()
    {
        var advice = rules.Evaluate("厨房煤气管漏了").Alert!.Advice;

        Assert.Contains("不要开关电器", advice);
        Assert.Contains("不要点火", advice);
        Assert.Contains("开窗通风", advice);
        Assert.Contains("119", advice);
        Assert.Contains("燃气抢修", advice);
    }

    [Theory]
    [InlineData("整栋楼停水一天了", "大面积停水停电停暖")]
    [InlineData("我们这栋楼没暖气三天了", "大面积停水停电停暖")]
    [InlineData("化粪池冒了 粪水流得满院子", "污水外溢")]
    [InlineData("下水道倒灌 一楼全泡了", "污水外溢")]
    [InlineData("消防通道上停满了车", "消防通道堵塞")]
    [InlineData("安全出口被锁上了", "消防通道堵塞")]
    [InlineData("有人在楼道里给电瓶车充电", "电动车违规充电")]
    [InlineData("从5楼拉线下来飞线充电", "电动车违规充电")]
    [InlineData("路口红绿灯坏了 一早上都不亮", "交通信号灯故障")]
    [InlineData("信号灯一直闪黄灯", "交通信号灯故障")]
    [InlineData("楼上老往下扔垃圾", "高空抛物坠物")]
    [InlineData("高空抛物 差点砸到人", "高空抛物坠物")]
    [InlineData("他扬言要弄死我全家", "威胁恐吓")]
    [InlineData("邻居说再投诉就报复我", "威胁恐吓")]
    [InlineData("对门的狗把我孩子咬了", "犬只伤人")]
    [InlineData("楼道墙上电线裸露 还漏电", "用电安全隐患")]
    [InlineData("井盖松动 车一过就响", "井盖松动破损")]
    [InlineData("电梯突然往下掉了一截", "电梯运行异常")]
    [InlineData("楼下拆了承重墙 我家墙都裂了", "房屋结构隐患")]
    public void Evaluate_OrangeHazard_RaisesFloorWithoutAlert(string text, string reason)
    {
        var verdict = rules.Evaluate(text);

        Assert.Equal(Colour.Orange, verdict.Floor);
        Assert.Null(verdict.Alert);
        Assert.Contains(reason, verdict.Reasons);
    }
}
