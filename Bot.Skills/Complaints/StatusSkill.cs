using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;

namespace Bot.Skills.Complaints;

/// <summary>"我的诉求" / "进度怎么样": the resident's own tickets and where they stand. Nobody else's, ever.</summary>
public sealed partial class StatusSkill(ITicketLedger ledger) : ISkill, IIntentSource
{
    public const string IntentCode = "status";

    private static readonly string[] StatusWords =
        ["我的诉求", "我的工单", "我的投诉", "我反映的", "查进度", "查询进度", "进度", "办得怎么样", "处理得怎么样", "处理到哪", "有结果了吗", "查工单", "查询工单", "办理情况"];

    public string Intent => IntentCode;

    public string? MenuTitle => "查询我的诉求进度";

    public int MenuOrder => 50;

    public int Order => 60;

    public ValueTask<IntentMatch?> MatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var text = context.Message.Text ?? string.Empty;
        var asks = TicketNumber().IsMatch(text) || (text.Length <= 20 && StatusWords.Any(w => text.Contains(w, StringComparison.Ordinal)));
        return ValueTask.FromResult(asks ? new IntentMatch(IntentCode, 0.95) : null);
    }

    public async Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        context.State.EndDialogue();
        var resident = context.Message.Resident;
        if (TicketNumber().Match(context.Message.Text ?? string.Empty) is { Success: true } number)
        {
            var ticket = await ledger.FindAsync(number.Value, cancellationToken).ConfigureAwait(false);

            // Another resident's ticket answers exactly like a number that does not exist.
            if (ticket is null || ticket.Resident != resident)
            {
                return [Reply.FromText($"没有找到您名下的工单 {number.Value}，请核对工单号；回复“我的诉求”可查看您提交过的全部诉求。")];
            }

            var history = await ledger.HistoryAsync(ticket.Number, cancellationToken).ConfigureAwait(false);
            return [Reply.FromText(Detail(ticket, history))];
        }

        var tickets = await ledger.ListForResidentAsync(resident, 5, cancellationToken).ConfigureAwait(false);
        if (tickets.Count == 0)
        {
            return [Reply.FromText("您还没有提交过诉求。遇到问题直接告诉我就行，比如“3栋楼下每天晚上有人烧烤，油烟很大”。")];
        }

        var text = new StringBuilder("您最近的诉求：");
        foreach (var ticket in tickets)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n• {ticket.Number} {ComplaintCategories.ChineseName(ticket.Category)}｜{ticket.State.ChineseName()}｜{Local(ticket.CreatedAt):M月d日}");
        }

        text.Append("\n回复工单号可查看详细进度。");
        return [Reply.FromText(text.ToString())];
    }

    private static string Detail(Ticket ticket, IReadOnlyList<TicketHistoryEntry> history)
    {
        var text = new StringBuilder($"工单 {ticket.Number}\n类别：{ComplaintCategories.ChineseName(ticket.Category)}｜{ticket.Colour.ChineseName()}\n状态：{ticket.State.ChineseName()}");
        foreach (var entry in history.TakeLast(4))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{Local(entry.At):M月d日 HH:mm} {entry.To.ChineseName()}：{entry.Note}");
        }

        return text.ToString();
    }

    /// <summary>Residents read China Standard Time whatever the server's zone.</summary>
    private static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8));

    [GeneratedRegex(@"\b20\d{2}-\d{6}\b")]
    private static partial Regex TicketNumber();
}
