using Bot.Skills.Engine;

namespace Bot.Skills.Events;

/// <summary>
/// 民情夜市 (intent <c>night_market</c>) and 民意5来听 (intent <c>visit_day</c>). Ordered after the mediation flows
/// (5, 6) and before ratings (10): the cues are specific ("夜市", "走访"), and inside an open step the answer is ours.
/// </summary>
public abstract class EventSkillBase(EventDialogue dialogue, EventKind kind) : ISkill, IIntentSource
{
    private static readonly string[] NotOurs = ["我的报名", "取消报名", "调解", "我的预约"];

    public string Intent => kind.Code();

    public abstract string? MenuTitle { get; }

    public abstract int MenuOrder { get; }

    public abstract int Order { get; }

    /// <summary>Words that ask about the session itself (not a complaint that merely mentions a street 夜市).</summary>
    protected static readonly string[] Asking = ["什么时候", "几点", "哪里", "在哪", "时间", "地点", "哪天", "下一场", "下次", "这周", "本周", "议题", "登记", "订阅", "提醒", "报名", "参加", "安排"];

    protected abstract bool Asks(string text);

    /// <summary>"在夜市上反映…": the session is named before the verb, so "我要反映夜市太吵" stays a complaint.</summary>
    protected static bool RaisesAt(string text, string session) =>
        text.IndexOf(session, StringComparison.Ordinal) is >= 0 and var at && text.IndexOf("反映", at, StringComparison.Ordinal) > at;

    protected static bool Has(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    public ValueTask<IntentMatch?> MatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Message.Text?.Trim() ?? string.Empty;
        if (context.State.ActiveSkill == Intent && EventDialogue.InStep(context.State) && text.Length is > 0 and <= 300)
        {
            return ValueTask.FromResult<IntentMatch?>(new IntentMatch(Intent, 1.0));
        }

        var asks = text.Length <= 120 && Asks(text) && !NotOurs.Any(c => text.Contains(c, StringComparison.Ordinal));
        return ValueTask.FromResult(asks ? new IntentMatch(Intent, 0.95) : null);
    }

    public async Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = context.State.ActiveSkill == Intent && EventDialogue.InStep(context.State)
            ? await dialogue.AnswerAsync(context, kind, cancellationToken).ConfigureAwait(false)
            : await dialogue.StartAsync(context, kind, cancellationToken).ConfigureAwait(false);
        return [Reply.FromText(answer)];
    }
}

public sealed class NightMarketSkill(EventDialogue dialogue) : EventSkillBase(dialogue, EventKind.NightMarket)
{
    public const string IntentCode = "night_market";

    public override string? MenuTitle => "民情夜市：时间地点、提前登记要反映的问题";

    /// <summary>After the existing entries, so the numbers residents know stay the same.</summary>
    public override int MenuOrder => 97;

    public override int Order => 8;

    protected override bool Asks(string text) =>
        text is "夜市" || Has(text, "民情夜市") || RaisesAt(text, "夜市") || (Has(text, "夜市") && Has(text, Asking));
}

public sealed class VisitDaySkill(EventDialogue dialogue) : EventSkillBase(dialogue, EventKind.VisitDay)
{
    public const string IntentCode = "visit_day";

    public override string? MenuTitle => "民意5来听：走访日安排、预约干部上门";

    public override int MenuOrder => 98;

    public override int Order => 9;

    protected override bool Asks(string text) =>
        text is "走访" or "走访日" || Has(text, "5来听", "五来听", "干部上门", "请干部", "预约走访", "上门走访", "家访")
        || RaisesAt(text, "走访") || (Has(text, "走访") && Has(text, Asking));
}
