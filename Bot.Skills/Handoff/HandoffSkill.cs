using Bot.Skills.Engine;

namespace Bot.Skills.Handoff;

/// <summary>
/// 转人工: hands the resident over to a person of their building's grid. A resident whose building is not known is
/// asked once (and once more if the answer is not on the roster); after that the community grid takes them.
/// </summary>
public sealed class HandoffSkill(HandoffService handoff, BuildingBinder buildings) : ISkill, IIntentSource
{
    private const string Asking = "handoff.asking";

    private static readonly string[] Phrases =
        ["转人工", "人工客服", "人工服务", "找人工", "找网格员", "联系网格员", "找网格长", "我要找人", "找真人", "真人客服", "和网格员说", "跟网格员说"];

    public string Intent => Intents.Handoff;

    public string? MenuTitle => "联系网格员（转人工）";

    public int MenuOrder => 95;

    public int Order => 50;

    public ValueTask<IntentMatch?> MatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Message.Text?.Trim();
        var match = !string.IsNullOrEmpty(text) && (text == "人工" || Phrases.Any(p => text.Contains(p, StringComparison.Ordinal)))
            ? new IntentMatch(Intent, 0.95)
            : null;
        return ValueTask.FromResult(match);
    }

    public async Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.State;
        var resident = context.Message.Resident;
        if (state.ActiveSkill != Intent || !state.Slots.TryGetValue(Asking, out var tries))
        {
            state.EndDialogue();
            if (await buildings.FindAsync(context.Message.Text, cancellationToken).ConfigureAwait(false) is { } named)
            {
                // "我住幸福里3栋，找网格员": the building comes with the request.
                await buildings.BindAsync(resident, named, cancellationToken).ConfigureAwait(false);
                return await handoff.OpenAsync(context, named, cancellationToken).ConfigureAwait(false);
            }

            if (await BoundBuildingAsync(context, cancellationToken).ConfigureAwait(false) is { } bound)
            {
                return await handoff.OpenAsync(context, bound, cancellationToken).ConfigureAwait(false);
            }

            (state.ActiveSkill, state.Slots[Asking]) = (Intent, "0");
            return [Reply.FromText(HandoffTexts.AskBuilding)];
        }

        var text = context.Message.Text ?? string.Empty;
        if (await buildings.FindAsync(text, cancellationToken).ConfigureAwait(false) is { } building)
        {
            state.EndDialogue();
            await buildings.BindAsync(resident, building, cancellationToken).ConfigureAwait(false);
            return await handoff.OpenAsync(context, building, cancellationToken).ConfigureAwait(false);
        }

        if (tries == "0")
        {
            state.Slots[Asking] = "1";
            return [Reply.FromText(await buildings.NotFoundAsync(text, cancellationToken).ConfigureAwait(false))];
        }

        // Asked twice: the community grid answers for everyone, so the resident still reaches a person.
        state.EndDialogue();
        return [Reply.FromText("还是没能确认您的楼栋，先为您转接社区网格。"), .. await handoff.OpenAsync(context, null, cancellationToken).ConfigureAwait(false)];
    }

    private Task<Grid.Building?> BoundBuildingAsync(TurnContext context, CancellationToken cancellationToken) =>
        buildings.ResidentBuildingAsync(context.Message.Resident, cancellationToken);
}
