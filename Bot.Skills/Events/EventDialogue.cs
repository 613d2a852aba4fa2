using System.Text;
using Bot.Skills.Complaints;
using Bot.Skills.Engine;
using Bot.Skills.Grid;

namespace Bot.Skills.Events;

/// <summary>
/// The resident's side of both kinds of session: when and where, a topic registered in advance, a home-visit request
/// (elderly and disabled first), a subscription. The open step lives in the conversation slots.
/// </summary>
public sealed class EventDialogue(EventService events, EventAnnouncer announcer, IGridRoster roster)
{
    private const string StepSlot = "events.step";
    private const string AddressSlot = "events.address";
    private static readonly string[] TopicCues = ["反映", "提个", "提出", "提议", "议题", "想说", "建议"];
    private static readonly string[] VisitCues = ["预约走访", "上门", "来我家", "请干部", "家访"];
    private static readonly string[] Quit = ["算了", "不用了", "取消", "退出"];

    public static bool InStep(ConversationState state) => state.Slots.ContainsKey(StepSlot);

    public async Task<string> StartAsync(TurnContext context, EventKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Message.Text?.Trim() ?? string.Empty;
        context.State.EndDialogue();
        context.State.ActiveSkill = kind.Code();
        if (text.Contains("订阅", StringComparison.Ordinal) || text.Contains("提醒我", StringComparison.Ordinal))
        {
            return await SubscribeAsync(context, kind, cancellationToken).ConfigureAwait(false);
        }

        if (kind == EventKind.VisitDay && VisitCues.Any(c => text.Contains(c, StringComparison.Ordinal)))
        {
            return await AskHomeVisitAsync(context, cancellationToken).ConfigureAwait(false);
        }

        if (TopicCues.FirstOrDefault(c => text.Contains(c, StringComparison.Ordinal)) is { } cue)
        {
            var topic = text[(text.IndexOf(cue, StringComparison.Ordinal) + cue.Length)..].Trim(' ', '：', ':', '，', ',', '。', '一', '下');
            if (topic.Length >= 4)
            {
                return await RegisterTopicAsync(context, kind, topic, cancellationToken).ConfigureAwait(false);
            }

            context.State.Slots[StepSlot] = "topic";
            return $"好的，请用一两句话说说您想在{kind.ChineseName()}上反映的问题（可以写明小区、楼栋）。";
        }

        context.State.EndDialogue();
        return await InfoAsync(context.Message.Resident, kind, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> AnswerAsync(TurnContext context, EventKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Message.Text?.Trim() ?? string.Empty;
        var step = context.State.Slots.GetValueOrDefault(StepSlot);
        if (Quit.Any(q => text.StartsWith(q, StringComparison.Ordinal)) && text.Length <= 6)
        {
            context.State.EndDialogue();
            return "好的，已退出。需要时回复“夜市”或“走访”即可。";
        }

        switch (step)
        {
            case "topic":
                context.State.EndDialogue();
                return await RegisterTopicAsync(context, kind, text, cancellationToken).ConfigureAwait(false);
            case "address":
                context.State.Slots[AddressSlot] = text;
                context.State.Slots[StepSlot] = "priority";
                return PriorityQuestion;
            case "priority":
                var address = context.State.Slots.GetValueOrDefault(AddressSlot) ?? string.Empty;
                context.State.EndDialogue();
                return await RequestHomeVisitAsync(context.Message.Resident, address, IsYes(text), cancellationToken).ConfigureAwait(false);
            default:
                context.State.EndDialogue();
                return await InfoAsync(context.Message.Resident, kind, cancellationToken).ConfigureAwait(false);
        }
    }

    private const string PriorityQuestion = "请问家中是否有老年人或残疾人需要优先照顾？请回复“是”或“否”。";

    private async Task<string> InfoAsync(ResidentKey resident, EventKind kind, CancellationToken cancellationToken)
    {
        var next = await events.NextForAsync(resident, kind, 3, cancellationToken).ConfigureAwait(false);
        if (next.Count == 0)
        {
            return $"近期暂无{kind.ChineseName()}安排，请留意社区通知。";
        }

        var text = new StringBuilder($"最近一场{kind.ChineseName()}：\n{EventNotices.Line(next[0])}");
        if (await announcer.VisitsAsync(next[0].Schedule, cancellationToken).ConfigureAwait(false) is { } visits)
        {
            text.Append($"\n走访安排：{visits}");
        }

        foreach (var later in next.Skip(1))
        {
            text.Append($"\n之后：{EventNotices.Line(later)}");
        }

        text.Append(kind == EventKind.NightMarket
            ? "\n想提前登记要反映的问题，请回复“夜市反映+问题”；回复“订阅夜市”可在每场前收到提醒。"
            : "\n需要干部上门（老年人、残疾人优先），请回复“预约走访”；想反映问题请回复“走访反映+问题”。");
        return text.ToString();
    }

    private async Task<string> RegisterTopicAsync(TurnContext context, EventKind kind, string topic, CancellationToken cancellationToken)
    {
        var resident = context.Message.Resident;
        if (topic.Length < 4)
        {
            return "内容太短了，请再具体说说您想反映的问题。";
        }

        var next = await events.NextForAsync(resident, kind, 1, cancellationToken).ConfigureAwait(false);
        if (next.Count == 0)
        {
            return $"近期暂无{kind.ChineseName()}安排。您可以直接把问题发给我，我们会立即登记办理。";
        }

        var (registration, ticket, assessment) = await events.RegisterTopicAsync(resident, next[0], topic, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        if (assessment.Alert is { } alert)
        {
            text.Append(ComplaintFiler.Alert(alert)).Append('\n');
        }

        text.Append($"已登记您的议题（报名号 {registration.Id}），将在{EventNotices.Line(next[0])}提交给干部，会后把结果告诉您。");
        if (ticket is not null)
        {
            text.Append($"\n该问题属于“{ComplaintCategories.ChineseName(ticket.Category)}”，已同时立为工单 {ticket.Number} 办理，回复“我的诉求”可查看进度。");
        }

        return text.Append("\n回复“我的报名”可查看或取消。").ToString();
    }

    private async Task<string> AskHomeVisitAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var resident = context.Message.Resident;
        if ((await events.NextForAsync(resident, EventKind.VisitDay, 1, cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            context.State.EndDialogue();
            return "近期暂无走访日安排。如有急事，请回复“转人工”联系网格员。";
        }

        if (await roster.GetResidentBuildingAsync(resident, cancellationToken).ConfigureAwait(false) is { } building
            && await roster.GetCompoundAsync(building.CompoundId, cancellationToken).ConfigureAwait(false) is { } compound)
        {
            context.State.Slots[AddressSlot] = $"{compound.Name}{building.Name}";
            context.State.Slots[StepSlot] = "priority";
            return $"好的，走访日干部可以到{compound.Name}{building.Name}上门。" + PriorityQuestion;
        }

        context.State.Slots[StepSlot] = "address";
        return "好的。请告诉我们您的住址（小区、楼栋、门牌），方便干部上门。";
    }

    private async Task<string> RequestHomeVisitAsync(ResidentKey resident, string address, bool priority, CancellationToken cancellationToken)
    {
        var next = await events.NextForAsync(resident, EventKind.VisitDay, 1, cancellationToken).ConfigureAwait(false);
        if (next.Count == 0)
        {
            return "近期暂无走访日安排。如有急事，请回复“转人工”联系网格员。";
        }

        var registration = await events.RequestHomeVisitAsync(resident, next[0], address, priority, cancellationToken).ConfigureAwait(false);
        return $"已登记上门走访（报名号 {registration.Id}）：{EventNotices.Line(next[0])}。" +
               (priority ? "您家已列为优先走访（老年人/残疾人）。" : string.Empty) + "干部上门前会联系您。回复“我的报名”可查看或取消。";
    }

    private async Task<string> SubscribeAsync(TurnContext context, EventKind kind, CancellationToken cancellationToken)
    {
        context.State.EndDialogue();
        var next = await events.NextForAsync(context.Message.Resident, kind, 1, cancellationToken).ConfigureAwait(false);
        if (next.Count == 0)
        {
            return $"近期暂无{kind.ChineseName()}安排，请留意社区通知。";
        }

        var added = await events.SubscribeAsync(context.Message.Resident, next[0].Schedule, cancellationToken).ConfigureAwait(false);
        return added is null
            ? $"您已订阅{next[0].Schedule.Title}的提醒。"
            : $"已订阅{next[0].Schedule.Title}：每场开始前一天和前1小时提醒您（报名号 {added.Id}）。下一场：{EventNotices.When(next[0])}。";
    }

    private static bool IsYes(string text) =>
        text.StartsWith('是') || text.StartsWith('有') || text.Contains("老人", StringComparison.Ordinal) || text.Contains("残疾", StringComparison.Ordinal)
        || (text.Contains("需要", StringComparison.Ordinal) && !text.Contains("不需要", StringComparison.Ordinal));
}
