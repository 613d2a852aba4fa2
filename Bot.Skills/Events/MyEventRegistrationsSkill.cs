using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Skills.Engine;

namespace Bot.Skills.Events;

/// <summary>我的报名 / 取消报名 N: the resident's own topics, home visits and subscriptions. Nobody else's, ever.</summary>
public sealed partial class MyEventRegistrationsSkill(IEventStore store, TimeProvider clock) : ISkill, IIntentSource
{
    public const string IntentCode = "my_event_registrations";

    public string Intent => IntentCode;

    public string? MenuTitle => null;

    public int MenuOrder => 1000;

    public int Order => 7;

    public ValueTask<IntentMatch?> MatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var text = context.Message.Text?.Trim() ?? string.Empty;
        var asks = Cancel().IsMatch(text) || text is "我的报名" or "查报名" or "查看报名" or "我的议题" or "报名记录";
        return ValueTask.FromResult(asks ? new IntentMatch(IntentCode, 1.0) : null);
    }

    public async Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.State.EndDialogue();
        var resident = context.Message.Resident;
        var match = Cancel().Match(context.Message.Text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return [Reply.FromText(await ListAsync(resident, cancellationToken).ConfigureAwait(false))];
        }

        var id = long.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture);
        var cancelled = await store.CancelAsync(id, resident, cancellationToken).ConfigureAwait(false);
        return [Reply.FromText(cancelled is null
            ? $"没有找到您名下可取消的报名 {id}，回复“我的报名”查看。"
            : $"已取消报名 {id}（{cancelled.Kind.ChineseName()}）。")];
    }

    private async Task<string> ListAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-60);
        var own = (await store.ListForResidentAsync(resident, cancellationToken).ConfigureAwait(false))
            .Where(r => r.State != RegistrationState.Cancelled && (r.OccurrenceStart is null || r.OccurrenceStart > since)).Take(8).ToList();
        if (own.Count == 0)
        {
            return "您目前没有夜市或走访报名。回复“夜市”或“走访”查看安排。";
        }

        var text = new StringBuilder("您的报名：");
        foreach (var r in own)
        {
            var when = r.OccurrenceStart is { } s ? s.ToOffset(CronRule.China).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture) : "每场";
            var body = r.Text.Length <= 20 ? r.Text : r.Text[..20] + "…";
            text.Append(CultureInfo.InvariantCulture, $"\n• {r.Id}｜{r.Kind.ChineseName()}｜{when}｜{body}｜{r.State.ChineseName()}{(r.TicketNumber is { } n ? $"（工单 {n}）" : string.Empty)}");
        }

        return text.Append("\n取消请回复“取消报名 报名号”，如“取消报名 12”。").ToString();
    }

    [GeneratedRegex(@"^取消报名\s*(?<id>\d{1,9})$")]
    private static partial Regex Cancel();
}
