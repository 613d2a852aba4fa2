using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;

namespace Bot.Skills.Complaints;

/// <summary>满意度: takes the resident's 1–5 rating for a ticket awaiting follow-up (回访), with an optional comment.</summary>
public sealed class RatingSkill(ITicketLedger ledger, TicketFollowUp followUp) : ISkill, IIntentSource
{
    public const string IntentCode = "rating";
    private const string TicketItem = "rating.ticket";
    private const string ScoreItem = "rating.score";

    private static readonly (string Word, int Score)[] Words =
        [("非常不满意", 1), ("很不满意", 1), ("不满意", 2), ("一般", 3), ("非常满意", 5), ("很满意", 5), ("满意", 4)];

    public string Intent => IntentCode;

    public string? MenuTitle => null;

    public int MenuOrder => 0;

    /// <summary>Before the menu numbers: while a rating is pending, "4" is a score, not menu item 4.</summary>
    public int Order => 10;

    public async ValueTask<IntentMatch?> MatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var text = context.Message.Text?.Trim();
        if (string.IsNullOrEmpty(text) || Parse(text) is not { } score)
        {
            return null;
        }

        var tickets = await ledger.ListForResidentAsync(context.Message.Resident, 10, cancellationToken).ConfigureAwait(false);
        var pending = tickets.FirstOrDefault(t => t.State == TicketState.FollowUp);
        if (pending is null)
        {
            return null;
        }

        context.Items[TicketItem] = pending.Number;
        context.Items[ScoreItem] = score;
        return new IntentMatch(IntentCode, 1.0);
    }

    public async Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var number = (string)context.Items[TicketItem];
        var score = (int)context.Items[ScoreItem];
        var comment = Comment(context.Message.Text!.Trim());
        var (ticket, reopened) = await followUp.RateAsync(number, score, comment, cancellationToken).ConfigureAwait(false);
        return [Reply.FromText(reopened
            ? $"很抱歉没能让您满意。工单 {ticket.Number} 已重新交办复核，我们会再与您联系。"
            : $"感谢您的评价（{score} 分）！工单 {ticket.Number} 已办结。")];
    }

    /// <summary>A leading digit 1–5, or words like 满意 / 不满意.</summary>
    internal static int? Parse(string text)
    {
        var first = text[0] is >= '１' and <= '５' ? (char)('1' + (text[0] - '１')) : text[0];
        if (first is >= '1' and <= '5' && (text.Length == 1 || !char.IsDigit(text[1])))
        {
            return first - '0';
        }

        var word = Words.FirstOrDefault(w => text.StartsWith(w.Word, StringComparison.Ordinal));
        return word.Score > 0 ? word.Score : null;
    }

    private static string? Comment(string text)
    {
        var rest = char.IsDigit(text[0])
            ? text[1..]
            : Words.Where(w => text.StartsWith(w.Word, StringComparison.Ordinal)).Select(w => text[w.Word.Length..]).FirstOrDefault() ?? string.Empty;
        rest = rest.TrimStart('分', ' ', '，', ',', '。', '.', '：', ':', '！', '!');
        return rest.Length == 0 ? null : rest;
    }
}
