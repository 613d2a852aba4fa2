using System.Globalization;
using System.Text;
using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Bot.Skills.Scheduling;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Mediation;

/// <summary>The steps of a mediation booking after the first message: topic, other party, time, confirmation.</summary>
public sealed partial class MediationDialogue(
    BookingService bookings,
    SlotFinder slots,
    IVenueCatalog catalog,
    IGridRoster roster,
    ITicketLedger ledger,
    IOptions<BookingOptions> options,
    ModelTimeReader modelTime,
    TimeProvider clock)
{
    private static readonly string[] Yes = ["确认", "确定", "好", "好的", "是", "是的", "可以", "行", "对", "嗯", "ok", "OK"];
    private static readonly string[] Invite = ["社区", "邀请", "不知道", "不方便", "没有", "不清楚"];
    private static readonly string[] Filler = ["我要", "我想", "想要", "预约", "申请", "调解", "睦邻茶室", "茶室", "评理", "一下", "帮忙", "请", "。", "，", "！"];

    /// <summary>What the first message says about the dispute, once the booking words are taken out; null if nothing.</summary>
    public static string? TopicIn(string text)
    {
        var rest = Filler.Aggregate(text, (t, f) => t.Replace(f, string.Empty, StringComparison.Ordinal)).Trim();
        return rest.Length >= 4 ? text.Trim() : null;
    }

    /// <summary>Asks for what is missing, or lists the free slots.</summary>
    internal async Task<string> NextAsync(TurnContext context, MediationDraft draft, CancellationToken cancellationToken)
    {
        if (draft.Topic is null)
        {
            draft.Step = "topic";
            return "请简单说说需要调解的事情（例如：楼上漏水到我家，协商赔偿没谈拢）。";
        }

        if (!draft.PartyAsked)
        {
            draft.Step = "party";
            draft.PartyAsked = true;
            return "对方是谁、怎么联系？请留下对方的称呼和电话（如“302室王先生 139xxxx”），或回复“请社区邀请”由社区出面邀请。";
        }

        return await OfferAsync(draft, null, null, cancellationToken).ConfigureAwait(false);
    }

    internal async Task<string> AnswerAsync(TurnContext context, MediationDraft draft, string text, CancellationToken cancellationToken)
    {
        switch (draft.Step)
        {
            case "topic":
                draft.Topic = text.Length >= 2 ? text : null;
                return await NextAsync(context, draft, cancellationToken).ConfigureAwait(false);
            case "party":
                draft.OtherParty = Invite.Any(w => text.Contains(w, StringComparison.Ordinal)) ? null : text;
                return await NextAsync(context, draft, cancellationToken).ConfigureAwait(false);
            case "confirm":
                return await ConfirmAsync(context, draft, text, cancellationToken).ConfigureAwait(false);
            default:
                return await ChooseAsync(context, draft, text, cancellationToken).ConfigureAwait(false);
        }
    }

    internal async Task ReleaseAsync(TurnContext context, MediationDraft draft, CancellationToken cancellationToken)
    {
        if (draft.Held is { } held)
        {
            await bookings.CancelAsync(held, context.Message.Resident, cancellationToken).ConfigureAwait(false);
            draft.Held = null;
        }
    }

    private async Task<string> ChooseAsync(TurnContext context, MediationDraft draft, string text, CancellationToken cancellationToken)
    {
        var offers = draft.Offers;
        if (int.TryParse(Normalise(text), NumberStyles.None, CultureInfo.InvariantCulture, out var pick))
        {
            if (pick < 1 || pick > offers.Count)
            {
                return $"请回复 1–{offers.Count} 中的序号，或直接说时间（如“明天下午3点”）。";
            }

            var (venueId, mediatorId, startMs) = offers[pick - 1];
            return await HoldAsync(context, draft, await ChoiceAsync(venueId, mediatorId, startMs, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        var now = clock.GetUtcNow();
        var parsed = ChineseTimeParser.Parse(text, now);
        if (parsed.Outcome == TimeParseOutcome.NotUnderstood
            && await modelTime.ReadAsync(text, now, TimeSpan.FromDays(options.Value.HorizonDays), cancellationToken).ConfigureAwait(false) is { } read)
        {
            // Only what the offline parser cannot read goes to the model; its answer was checked (future, within the horizon).
            parsed = read;
        }

        switch (parsed.Outcome)
        {
            case TimeParseOutcome.Point when parsed.Start is { } start:
                var exact = await slots.AtAsync(MediationTopics.Specialty(draft.Topic), start, cancellationToken).ConfigureAwait(false);
                return exact is not null
                    ? await HoldAsync(context, draft, exact, cancellationToken).ConfigureAwait(false)
                    : await OfferAsync(draft, DayOf(start), $"{BookingNotices.At(start)}这个时间约不上（已约满、不在开放时间或太临近）。", cancellationToken).ConfigureAwait(false);
            case TimeParseOutcome.Range when parsed.Start is { } from && parsed.End is { } to:
                return await OfferAsync(draft, new TimeSlot(from, to), null, cancellationToken).ConfigureAwait(false);
            case TimeParseOutcome.NotUnderstood:
                return "请回复序号选择时段，或直接说时间，例如“明天下午3点”“下周三上午”。";
            default:
                return parsed.Message ?? "请换个说法告诉我时间，例如“明天下午3点”。";
        }
    }

    private async Task<string> HoldAsync(TurnContext context, MediationDraft draft, SlotChoice choice, CancellationToken cancellationToken)
    {
        await ReleaseAsync(context, draft, cancellationToken).ConfigureAwait(false);
        var ticket = await RelatedTicketAsync(context.Message.Resident, cancellationToken).ConfigureAwait(false);
        var result = await bookings.HoldAsync(choice, context.Message.Resident, draft.Topic!, draft.OtherParty, ticket, cancellationToken).ConfigureAwait(false);
        if (result.Booking is not { } held)
        {
            return await OfferAsync(draft, null, "抱歉，这个时段刚刚被其他居民约走了。", cancellationToken).ConfigureAwait(false);
        }

        (draft.Held, draft.Step) = (held.Number, "confirm");
        return $"已为您保留：{BookingNotices.When(held.Start, held.End)}，{choice.Venue.Name}，调解员{choice.Mediator.Name}。\n" +
               $"请在{options.Value.HoldMinutes}分钟内回复“确认”完成预约；回复“换一个”重新选择。";
    }

    private async Task<string> ConfirmAsync(TurnContext context, MediationDraft draft, string text, CancellationToken cancellationToken)
    {
        if (!Yes.Contains(text.Trim().TrimEnd('。', '！', '!')))
        {
            await ReleaseAsync(context, draft, cancellationToken).ConfigureAwait(false);
            return await OfferAsync(draft, null, null, cancellationToken).ConfigureAwait(false);
        }

        var confirmation = await bookings.ConfirmAsync(draft.Held!, context.Message.Resident, cancellationToken).ConfigureAwait(false);
        if (confirmation is null)
        {
            draft.Held = null;
            return await OfferAsync(draft, null, "保留时间已过，该时段已释放。", cancellationToken).ConfigureAwait(false);
        }

        context.State.EndDialogue();
        return confirmation;
    }

    private async Task<SlotChoice> ChoiceAsync(long venueId, long mediatorId, long startMs, CancellationToken cancellationToken)
    {
        var venue = await catalog.GetVenueAsync(venueId, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"Venue {venueId} is gone.");
        var mediator = await roster.GetPersonAsync(mediatorId, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"Mediator {mediatorId} is gone.");
        var start = DateTimeOffset.FromUnixTimeMilliseconds(startMs);
        return new SlotChoice(venue, mediator, new TimeSlot(start, start.AddMinutes(venue.SlotMinutes)));
    }
}
