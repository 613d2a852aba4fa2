using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Dispatch;
using Bot.Skills.Engine;
using Bot.Skills.Handoff;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Complaints;

/// <summary>
/// Files a collected complaint in the ledger, dispatches it to the grid, and words the confirmation with the
/// colour's promise.
/// </summary>
public sealed partial class ComplaintFiler(
    ITicketLedger ledger,
    ITicketDispatcher dispatcher,
    HandoffService handoff,
    IOptions<ComplaintOptions> options,
    ILogger<ComplaintFiler> logger)
{
    internal async Task<Ticket> FileAsync(InboundMessage message, ComplaintDraft draft, ComplaintAssessment assessment, CancellationToken cancellationToken)
    {
        var ticket = new NewTicket(
            message.Resident,
            assessment,
            draft.Text,
            draft.Place,
            draft.Since,
            DetailExtractor.Compound(draft.Place),
            draft.Location,
            draft.Photos,
            Origin(message.Channel));
        var filed = await ledger.OpenAsync(ticket, cancellationToken).ConfigureAwait(false);
        await DispatchAsync(filed, cancellationToken).ConfigureAwait(false);
        return filed;
    }

    internal async Task<Ticket> AddDetailsAsync(string number, ComplaintDraft draft, CancellationToken cancellationToken)
    {
        var ticket = await ledger.AddDetailsAsync(number, draft.Place, draft.Location, draft.Photos, cancellationToken).ConfigureAwait(false);

        // A red report is filed before the resident says where; once the place is known it can reach the building.
        if (ticket.State == TicketState.Accepted)
        {
            await DispatchAsync(ticket, cancellationToken).ConfigureAwait(false);
        }

        return ticket;
    }

    public string Confirmation(Ticket ticket, ComplaintAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var promise = TicketPromises.For(assessment, options.Value.IsGridLevel(assessment.Category));
        return $"已为您登记，工单号：{ticket.Number}\n类别：{ComplaintCategories.ChineseName(ticket.Category)}｜{ticket.Colour.ChineseName()}\n{promise}\n回复“我的诉求”可随时查看进度。";
    }

    public static string Alert(SafetyAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return $"⚠️ {alert.Hazard}：{alert.Advice}\n请立即拨打 {alert.EmergencyNumber}！";
    }

    /// <summary>
    /// The resident's ticket is filed whatever happens here: a failed dispatch is left for the console. A red ticket
    /// also opens a live session with its assignee, so the resident can talk to a person at once.
    /// </summary>
    private async Task DispatchAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        try
        {
            if (await dispatcher.DispatchAsync(ticket, cancellationToken).ConfigureAwait(false) is { } result && ticket.Colour == Colour.Red)
            {
                await handoff.OpenForTicketAsync(result.Ticket, result.Assignee, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDispatchFailed(ex, ticket.Number);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not dispatch ticket {Number}; it stays 受理 for the console")]
    private partial void LogDispatchFailed(Exception exception, string number);

    private static string Origin(string channel) => channel switch
    {
        Channels.WeChat => "公众号",
        Channels.Simulator => "模拟器",
        _ => channel,
    };
}
