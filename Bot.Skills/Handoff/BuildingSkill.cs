using Bot.Skills.Engine;

namespace Bot.Skills.Handoff;

/// <summary>
/// 我的楼栋: shows the building the bot remembers for the resident ("我住哪"), changes it ("我搬家了", "更改楼栋" → asks),
/// or takes it at once ("我住在幸福里3栋").
/// </summary>
public sealed class BuildingSkill(BuildingBinder buildings) : ISkill, IIntentSource
{
    public const string IntentCode = "my_building";

    private static readonly string[] ShowPhrases = ["我住哪", "我住在哪", "我的楼栋", "我的住址", "我登记的楼栋"];
    private static readonly string[] ChangePhrases = ["我搬家了", "搬家了", "更改楼栋", "修改楼栋", "更换楼栋", "换楼栋", "改楼栋", "登记楼栋"];
    private static readonly string[] StatePhrases = ["我住在", "我家在", "我家住在"];

    public string Intent => IntentCode;

    public string? MenuTitle => null;

    public int MenuOrder => 85;

    public int Order => 55;

    public ValueTask<IntentMatch?> MatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = Trimmed(context.Message.Text);
        var match = text.Length > 0 && (ShowPhrases.Contains(text) || ChangePhrases.Any(p => text.Contains(p, StringComparison.Ordinal))
            || (text.Length <= 16 && StatePhrases.Any(p => text.StartsWith(p, StringComparison.Ordinal)) && !ShowPhrases.Any(p => text.StartsWith(p, StringComparison.Ordinal))))
            ? new IntentMatch(Intent, 0.95)
            : null;
        return ValueTask.FromResult(match);
    }

    public async Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (state, resident, text) = (context.State, context.Message.Resident, Trimmed(context.Message.Text));
        var asked = state.ActiveSkill == Intent;
        state.EndDialogue();
        if (!asked && ShowPhrases.Contains(text))
        {
            return [Reply.FromText(await buildings.ResidentBuildingAsync(resident, cancellationToken).ConfigureAwait(false) is { } current
                ? $"您登记的楼栋是：{await buildings.NameAsync(current, cancellationToken).ConfigureAwait(false)}。搬家了可以回复“我住在幸福里小区3栋”这样的格式更改。"
                : "还没有登记您的楼栋。回复“我住在幸福里小区3栋”这样的格式即可登记。")];
        }

        if (await buildings.FindAsync(text, cancellationToken).ConfigureAwait(false) is { } building)
        {
            await buildings.BindAsync(resident, building, cancellationToken).ConfigureAwait(false);
            return [Reply.FromText($"已记下：您住在{await buildings.NameAsync(building, cancellationToken).ConfigureAwait(false)}。需要找网格员时回复“转人工”。")];
        }

        if (!asked && ChangePhrases.Any(p => text.Contains(p, StringComparison.Ordinal)))
        {
            state.ActiveSkill = Intent;
            return [Reply.FromText(HandoffTexts.AskBuilding)];
        }

        return [Reply.FromText(await buildings.NotFoundAsync(text, cancellationToken).ConfigureAwait(false))];
    }

    private static string Trimmed(string? text) => text?.Trim().TrimEnd('。', '！', '!', '？', '?') ?? string.Empty;
}
