using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Bot.Skills.Complaints;

namespace Bot.Skills.Mediation;

/// <summary>After a session: 调解成功 / 未成功 / 需再次调解, recorded on the booking and on the related ticket.</summary>
public sealed class MediationOutcomes(IBookingStore store, ITicketLedger ledger, TicketFollowUp followUp, IResidentNotifier residents)
{
    public static MediationOutcome? Parse(string text) => text.Trim() switch
    {
        var t when t.StartsWith("成功", StringComparison.Ordinal) || t.StartsWith("调解成功", StringComparison.Ordinal) => MediationOutcome.Settled,
        var t when t.StartsWith("未成功", StringComparison.Ordinal) || t.StartsWith("不成功", StringComparison.Ordinal) || t.StartsWith("失败", StringComparison.Ordinal) => MediationOutcome.NotSettled,
        var t when t.StartsWith("再次", StringComparison.Ordinal) || t.StartsWith("需再次", StringComparison.Ordinal) => MediationOutcome.NeedsAnotherSession,
        _ => null,
    };

    public async Task<string> RecordAsync(Booking booking, Person mediator, string text, CancellationToken cancellationToken)
    {
        if (Parse(text) is not { } outcome)
        {
            return $"请写明结果，例如：结果 {booking.Number} 成功（或 未成功、再次）";
        }

        if (await store.RecordOutcomeAsync(booking.Number, mediator.Id, outcome, cancellationToken).ConfigureAwait(false) is not { } done)
        {
            return $"预约 {booking.Number} 当前为“{booking.State.ChineseName()}”，不能记录结果。";
        }

        var note = $"{outcome.ChineseName()}（调解员{mediator.Name}，预约 {done.Number}）";
        if (done.TicketNumber is { } ticket)
        {
            await UpdateTicketAsync(ticket, mediator.Name, outcome, note, cancellationToken).ConfigureAwait(false);
        }

        if (outcome == MediationOutcome.NeedsAnotherSession)
        {
            await residents.NotifyAsync(done.Resident, Reply.FromText($"调解员{mediator.Name}建议再约一次调解（预约 {done.Number}）。回复“预约调解”即可选择时间。"), cancellationToken)
                .ConfigureAwait(false);
        }

        return $"已记录：{note}" + (done.TicketNumber is { } t ? $"，并更新工单 {t}。" : "。");
    }

    private async Task UpdateTicketAsync(string ticket, string mediatorName, MediationOutcome outcome, string note, CancellationToken cancellationToken)
    {
        if (outcome == MediationOutcome.Settled)
        {
            try
            {
                // Settled is the ticket's 反馈: the resident is asked to rate it like any resolved ticket.
                await followUp.ResolveAsync(ticket, mediatorName, note, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (InvalidTicketTransitionException)
            {
                // Already resolved or closed: the outcome still belongs in its history.
            }
        }

        await ledger.AddNoteAsync(ticket, mediatorName, note, cancellationToken).ConfigureAwait(false);
    }
}
