using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Complaints;

/// <summary>Files a collected complaint in the ledger and words the confirmation with the colour's promise.</summary>
public sealed class ComplaintFiler(ITicketLedger ledger, IOptions<ComplaintOptions> options)
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
        return await ledger.OpenAsync(ticket, cancellationToken).ConfigureAwait(false);
    }

    internal Task<Ticket> AddDetailsAsync(string number, ComplaintDraft draft, CancellationToken cancellationToken) =>
        ledger.AddDetailsAsync(number, draft.Place, draft.Location, draft.Photos, cancellationToken);

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

    private static string Origin(string channel) => channel switch
    {
        Channels.WeChat => "公众号",
        Channels.Simulator => "模拟器",
        _ => channel,
    };
}
