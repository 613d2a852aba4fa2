using System.Text.RegularExpressions;
using Bot.Skills.Complaints;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Bot.Skills.Scheduling;
using Microsoft.Extensions.Logging;

namespace Bot.Skills.Mediation;

/// <summary>
/// A mediator's answers in WeCom: 确认 (accept), 婉拒 (decline: the next suitable mediator is asked), 改期 (propose
/// another time to the resident), 结果 (the outcome after the session, which updates the related ticket).
/// </summary>
public sealed partial class MediatorCommands(
    IBookingStore store,
    BookingService bookings,
    SlotFinder slots,
    IGridRoster roster,
    IResidentNotifier residents,
    MediationOutcomes outcomes,
    TimeProvider clock,
    ILogger<MediatorCommands> logger)
{
    public const string Help = "调解预约指令：确认 预约号｜婉拒 预约号 原因｜改期 预约号 时间（如：明天下午3点）｜结果 预约号 成功/未成功/再次";

    public static bool Matches(string? text) => text is not null && Command().IsMatch(text.Trim());

    public async Task<string> HandleAsync(string weComUserId, string text, CancellationToken cancellationToken)
    {
        var mediator = await roster.FindActiveByWeComUserIdAsync(weComUserId, GridRole.Mediator, cancellationToken).ConfigureAwait(false);
        var match = Command().Match(text.Trim());
        var (verb, number, rest) = (match.Groups["verb"].Value, match.Groups["number"].Value.ToUpperInvariant(), match.Groups["rest"].Value.Trim());
        if (mediator is null || await store.FindAsync(number, cancellationToken).ConfigureAwait(false) is not { } booking || booking.MediatorId != mediator.Id)
        {
            // Another mediator's booking answers exactly like one that does not exist.
            LogRefused(weComUserId, number);
            return $"没有找到由您负责的预约 {number}。";
        }

        return verb switch
        {
            "确认" => await AcceptAsync(booking, mediator, cancellationToken).ConfigureAwait(false),
            "婉拒" => await DeclineAsync(booking, mediator, rest, cancellationToken).ConfigureAwait(false),
            "改期" => await ProposeAsync(booking, mediator, rest, cancellationToken).ConfigureAwait(false),
            _ => await outcomes.RecordAsync(booking, mediator, rest, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<string> AcceptAsync(Booking booking, Person mediator, CancellationToken cancellationToken)
    {
        if (await store.AcceptAsync(booking.Number, mediator.Id, cancellationToken).ConfigureAwait(false) is not { } accepted)
        {
            return $"预约 {booking.Number} 当前为“{booking.State.ChineseName()}”，无需确认。";
        }

        await residents.NotifyAsync(accepted.Resident, Reply.FromText(
            $"调解员{mediator.Name}已确认您的预约 {accepted.Number}（{BookingNotices.When(accepted.Start, accepted.End)}），请按时到场。"), cancellationToken).ConfigureAwait(false);
        return $"已确认预约 {accepted.Number}，开始前24小时和1小时会提醒您。";
    }

    private async Task<string> DeclineAsync(Booking booking, Person mediator, string reason, CancellationToken cancellationToken)
    {
        var others = (await slots.MediatorsAsync(MediationTopics.Specialty(booking.Topic), cancellationToken).ConfigureAwait(false))
            .Where(p => p.Id != mediator.Id && p.DutyHours.IsOnDuty(booking.Start) && p.DutyHours.IsOnDuty(booking.End.AddMinutes(-1)));
        foreach (var other in others)
        {
            var moved = await store.ReassignAsync(booking.Number, other.Id, cancellationToken).ConfigureAwait(false);
            if (moved.Booking is { } reassigned)
            {
                var (venue, _) = await bookings.PartiesAsync(reassigned, cancellationToken).ConfigureAwait(false);
                await bookings.TellMediatorAsync(reassigned, venue, other, cancellationToken).ConfigureAwait(false);
                await residents.NotifyAsync(reassigned.Resident, Reply.FromText(
                    $"原调解员因故无法出席，已为您改请调解员{other.Name}，时间地点不变（预约号 {reassigned.Number}）。"), cancellationToken).ConfigureAwait(false);
                LogReassigned(reassigned.Number, mediator.Id, other.Id);
                return $"已婉拒预约 {booking.Number}，已改派调解员{other.Name}。";
            }
        }

        await bookings.CancelAsync(booking.Number, null, cancellationToken).ConfigureAwait(false);
        await residents.NotifyAsync(booking.Resident, Reply.FromText(
            $"抱歉，{BookingNotices.When(booking.Start, booking.End)} 暂无调解员可以出席，预约 {booking.Number} 已取消。回复“预约调解”可重新选择时间。"), cancellationToken).ConfigureAwait(false);
        return $"已婉拒预约 {booking.Number}{(reason.Length > 0 ? $"（{reason}）" : string.Empty)}；该时段没有其他调解员，已通知居民另约时间。";
    }

    private async Task<string> ProposeAsync(Booking booking, Person mediator, string when, CancellationToken cancellationToken)
    {
        var parsed = ChineseTimeParser.Parse(when, clock.GetUtcNow());
        if (parsed.Outcome != TimeParseOutcome.Point || parsed.Start is not { } start)
        {
            return parsed.Message is { Length: > 0 } question ? $"改期时间没能确定：{question}" : "请写明改到的时间，例如：改期 " + booking.Number + " 明天下午3点";
        }

        await store.ProposeAsync(booking.Number, mediator.Id, start, cancellationToken).ConfigureAwait(false);
        await residents.NotifyAsync(booking.Resident, Reply.FromText(
            $"调解员{mediator.Name}建议将预约 {booking.Number} 改到 {BookingNotices.When(start, start + (booking.End - booking.Start))}。\n回复“同意改期 {booking.Number}”确认，或回复“我的预约”另选时间。"),
            cancellationToken).ConfigureAwait(false);
        return $"已把改期建议发给居民（{BookingNotices.When(start, start + (booking.End - booking.Start))}），居民同意后会通知您。";
    }

    [GeneratedRegex(@"^(?<verb>确认|婉拒|改期|结果)\s*(?<number>[Bb]\d{4}-\d{5})\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex Command();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mediator command from {UserId} on booking {Number} refused: not their booking")]
    private partial void LogRefused(string userId, string number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {Number} declined by {From}, reassigned to {To}")]
    private partial void LogReassigned(string number, long from, long to);
}
