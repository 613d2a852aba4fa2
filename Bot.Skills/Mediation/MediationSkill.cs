using Bot.Skills.Engine;

namespace Bot.Skills.Mediation;

/// <summary>
/// 预约调解 / 议事: what it is about, with whom, then free slots (or a time typed in Chinese), a 5-minute hold and
/// a confirmation with a booking number. 议事 lists the council sessions with seats left.
/// </summary>
public sealed class MediationSkill(MediationDialogue dialogue, CouncilDialogue council) : ISkill, IIntentSource
{
    public const string IntentCode = "mediation";

    private static readonly string[] Cues = ["调解", "睦邻茶室", "茶室", "评理", "议事厅", "议事会", "参加议事", "我要议事"];
    private static readonly string[] NotOurs = ["我的预约", "取消预约", "改期", "查预约"];
    private static readonly string[] Quit = ["算了", "不约了", "不用了", "取消", "退出"];

    public string Intent => IntentCode;

    public string? MenuTitle => "预约调解（睦邻茶室）或参加议事厅";

    public int MenuOrder => 96;

    /// <summary>Before the menu numbers and the rating digits: inside this dialogue, "1" picks a slot.</summary>
    public int Order => 5;

    public ValueTask<IntentMatch?> MatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var text = context.Message.Text?.Trim() ?? string.Empty;
        if (context.State.ActiveSkill == IntentCode && text.Length is > 0 and <= 4)
        {
            // Short answers (序号, 确认, 换一个) belong to the open dialogue, not to the menu.
            return ValueTask.FromResult<IntentMatch?>(new IntentMatch(IntentCode, 1.0));
        }

        var asks = text.Length <= 60 && Cues.Any(c => text.Contains(c, StringComparison.Ordinal)) && !NotOurs.Any(c => text.Contains(c, StringComparison.Ordinal));
        return ValueTask.FromResult(asks ? new IntentMatch(IntentCode, 0.95) : null);
    }

    public async Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Message.Text?.Trim() ?? string.Empty;
        if (context.State.ActiveSkill != Intent)
        {
            context.State.EndDialogue();
            context.State.ActiveSkill = Intent;
            var draft = new MediationDraft(context.State.Slots);
            if (text.Contains("议事", StringComparison.Ordinal))
            {
                return [Reply.FromText(await council.ListAsync(draft, cancellationToken).ConfigureAwait(false))];
            }

            if (!text.Contains("调解", StringComparison.Ordinal) && !text.Contains("茶室", StringComparison.Ordinal) && !text.Contains("评理", StringComparison.Ordinal))
            {
                draft.Step = "kind";
                return [Reply.FromText("请问您想：\n1. 预约睦邻茶室调解（邻里纠纷、物业矛盾等，有调解员帮忙）\n2. 参加居民议事厅议事（加装电梯、停车、物业费等公共事务）\n请回复 1 或 2。")];
            }

            draft.Topic = MediationDialogue.TopicIn(text) ?? ModelIntentSource.SlotsOf(context)?.Topic;
            return [Reply.FromText(await dialogue.NextAsync(context, draft, cancellationToken).ConfigureAwait(false))];
        }

        var current = new MediationDraft(context.State.Slots);
        if (Quit.Any(q => text.StartsWith(q, StringComparison.Ordinal)) && text.Length <= 6)
        {
            await dialogue.ReleaseAsync(context, current, cancellationToken).ConfigureAwait(false);
            context.State.EndDialogue();
            return [Reply.FromText("好的，已退出预约。需要时回复“预约调解”即可。")];
        }

        var answer = current.Step switch
        {
            "kind" when text is "2" or "２" || text.Contains("议事", StringComparison.Ordinal) => await council.ListAsync(current, cancellationToken).ConfigureAwait(false),
            "kind" => await dialogue.NextAsync(context, current, cancellationToken).ConfigureAwait(false),
            "council" => await council.JoinAsync(context, current, text, cancellationToken).ConfigureAwait(false),
            _ => await dialogue.AnswerAsync(context, current, text, cancellationToken).ConfigureAwait(false),
        };
        return [Reply.FromText(answer)];
    }
}
