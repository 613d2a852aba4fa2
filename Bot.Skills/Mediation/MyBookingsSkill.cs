using System.Text;
using System.Text.RegularExpressions;
using Bot.Skills.Engine;
using Bot.Skills.Scheduling;

namespace Bot.Skills.Mediation;

/// <summary>
/// 我的预约: the resident's own bookings and council seats, and the commands that change them — 取消预约 B…,
/// 改期 B… 时间, 同意改期 B… (a mediator's proposal). Nobody else's bookings, ever.
/// </summary>
public sealed partial class MyBookingsSkill(IBookingStore store, BookingService bookings, TimeProvider clock) : ISkill, IIntentSource
{
    public const string IntentCode = "my_bookings";

    public string Intent => IntentCode;

    /// <summary>Not in the menu (kept short for older residents): confirmations and reminders say "回复“我的预约”".</summary>
    public string? MenuTitle => null;

    public int MenuOrder => 55;

    public int Order => 6;

    public ValueTask<IntentMatch?> MatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var text = context.Message.Text?.Trim() ?? string.Empty;
        var asks = Command().IsMatch(text) || text is "我的预约" or "查预约" or "查询预约" or "预约记录";
        return ValueTask.FromResult(asks ? new IntentMatch(IntentCode, 1.0) : null);
    }

    public async Task<IReadOnlyList<Reply>> HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        context.State.EndDialogue();
        var resident = context.Message.Resident;
        var match = Command().Match(context.Message.Text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return [Reply.FromText(await ListAsync(resident, cancellationToken).ConfigureAwait(false))];
        }

        var number = match.Groups["number"].Value.ToUpperInvariant();
        var answer = match.Groups["verb"].Value switch
        {
            "取消预约" or "取消" => await bookings.CancelAsync(number, resident, cancellationToken).ConfigureAwait(false) is { } cancelled
                ? $"已取消预约 {cancelled.Number}（{BookingNotices.When(cancelled.Start, cancelled.End)}），已通知调解员。"
                : NotFound(number),
            "同意改期" => await AgreeAsync(number, resident, cancellationToken).ConfigureAwait(false),
            _ => await MoveAsync(number, resident, match.Groups["rest"].Value, cancellationToken).ConfigureAwait(false),
        };
        return [Reply.FromText(answer)];
    }

    private async Task<string> ListAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var own = (await store.ListForResidentAsync(resident, cancellationToken).ConfigureAwait(false))
            .Where(b => b.State is not BookingState.Expired && b.End > now.AddDays(-30)).Take(5).ToList();
        var seats = (await store.ListCouncilSeatsAsync(resident, cancellationToken).ConfigureAwait(false)).Where(s => s.End > now).ToList();
        if (own.Count == 0 && seats.Count == 0)
        {
            return "您目前没有预约。回复“预约调解”预约睦邻茶室调解，或回复“参加议事”报名居民议事会。";
        }

        var text = new StringBuilder("您的预约：");
        foreach (var b in own)
        {
            text.Append($"\n• {b.Number} {b.Kind.ChineseName()}｜{BookingNotices.When(b.Start, b.End)}｜{b.State.ChineseName()}");
        }

        foreach (var s in seats)
        {
            text.Append($"\n• 议事会｜{BookingNotices.When(s.Start, s.End)}｜议题：{s.Topic}");
        }

        return text.Append("\n改期请回复“改期 预约号 时间”，如“改期 B2026-00001 下周三上午10点”；取消请回复“取消预约 预约号”。").ToString();
    }

    private async Task<string> AgreeAsync(string number, ResidentKey resident, CancellationToken cancellationToken)
    {
        var booking = await store.FindAsync(number, cancellationToken).ConfigureAwait(false);
        if (booking is null || booking.Resident != resident || booking.ProposedStart is not { } proposed)
        {
            return booking is null || booking.Resident != resident ? NotFound(number) : $"预约 {number} 没有待确认的改期建议。";
        }

        return await MoveToAsync(number, resident, proposed, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> MoveAsync(string number, ResidentKey resident, string when, CancellationToken cancellationToken)
    {
        var parsed = ChineseTimeParser.Parse(when, clock.GetUtcNow());
        return parsed.Outcome == TimeParseOutcome.Point && parsed.Start is { } start
            ? await MoveToAsync(number, resident, start, cancellationToken).ConfigureAwait(false)
            : parsed.Message ?? $"请写明新的时间，例如：改期 {number} 明天下午3点";
    }

    private async Task<string> MoveToAsync(string number, ResidentKey resident, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var (result, problem) = await bookings.RescheduleAsync(number, resident, start, cancellationToken).ConfigureAwait(false);
        return result.Booking is { } moved
            ? $"已改期：预约 {moved.Number} 改到 {BookingNotices.When(moved.Start, moved.End)}，已通知调解员确认。"
            : result.Status == HoldStatus.NotFound && problem == SlotProblem.None
                ? NotFound(number)
                : $"{BookingNotices.At(start)}无法改期（{Why(problem, result.Status)}）。回复“预约调解”可查看可约时段。";
    }

    private static string Why(SlotProblem problem, HoldStatus status) => problem switch
    {
        SlotProblem.TooSoon => "太临近，请至少提前2小时",
        SlotProblem.BeyondHorizon => "超出可预约范围",
        SlotProblem.Closed or SlotProblem.OutsideVenueHours => "场地不开放",
        SlotProblem.OutsideMediatorHours => "调解员不在岗",
        SlotProblem.MediatorFull => "调解员当天已约满",
        _ when status == HoldStatus.MediatorCapReached => "调解员当天已约满",
        _ => "该时段已被预约",
    };

    private static string NotFound(string number) => $"没有找到您名下的预约 {number}，回复“我的预约”查看。";

    [GeneratedRegex(@"^(?<verb>取消预约|同意改期|改期|取消)\s*(?<number>[Bb]\d{4}-\d{5})\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex Command();
}
