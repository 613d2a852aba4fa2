namespace Bot.Skills.Groups;

/// <summary>What the bot says in groups. Short, and never about one person.</summary>
public static class GroupTexts
{
    public static string GoPrivate(string account) =>
        $"涉及个人信息的事项请不要在群里发。请私聊我，或在公众号“{account}”里详细说明，我们会登记处理。";

    public static string Complaint(string account) =>
        $"收到。具体情况请私聊我或在公众号“{account}”里详细说明（地点、时间、照片），我们会登记处理。为保护隐私，请不要在群里留电话、门牌号。";

    public static string Help(string botName, string account) =>
        $"您好，我是{botName}。在群里可以问我：活动安排、场地开放时间、社区办公时间和电话、办事咨询、怎么反映问题、公共事项进度（如“路灯修了吗”）。个人事项请私聊我或在公众号“{account}”里说明。";

    public static string Unknown(string account) =>
        $"这个问题我暂时答不上来。可以问我场地开放时间、办公时间、公共事项进度；个人事项请私聊我或在公众号“{account}”里说明。";

    public static string Safety(string hazard, string number, string advice, string account) =>
        $"⚠️{hazard}：{advice}请立即拨打{number}。详细情况请私聊我或在公众号“{account}”里说明，我们马上派人。";
}
