using Bot.Connectors.Outbox;
using Bot.Connectors.Storage;
using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.Skills.Privacy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Grid;

/// <summary>
/// Posts an urgent ticket to the community duty group through its robot. The post goes through the outbox, so it
/// survives a restart and is retried like any reply; the resident's turn never waits for WeCom.
/// </summary>
public sealed partial class OutboxGridAlerter(
    IOutboxStore outbox,
    OutboxSignal signal,
    IOptions<GridAlertOptions> options,
    ILogger<OutboxGridAlerter> logger) : IGridAlerter
{
    /// <summary>The outbox channel of group-robot posts; the "user" is the robot's webhook key.</summary>
    public const string RobotChannel = "wecom-robot";

    public Task AlertAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return PostAsync(ticket, Markdown(ticket), cancellationToken);
    }

    public Task AlertOverdueAsync(Ticket ticket, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var text = $"**【超时未响应】{ComplaintCategories.ChineseName(ticket.Category)}（{ticket.Colour.ChineseName()}）**\n" +
                   $"> 工单：{ticket.Number}\n> 网格：{ticket.Grid ?? "待确认"}\n> 情况：{reason}\n" +
                   "请值班人员协调处置，并在企业微信回复“接单 工单号”。";
        return PostAsync(ticket, text, cancellationToken);
    }

    private async Task PostAsync(Ticket ticket, string markdown, CancellationToken cancellationToken)
    {
        var key = options.Value.DutyGroupWebhookKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            LogNoDutyGroup(ticket.Number);
            return;
        }

        try
        {
            await outbox.EnqueueAsync(new ResidentKey(RobotChannel, key), Reply.FromText(markdown), cancellationToken).ConfigureAwait(false);
            signal.Notify();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The resident still gets the safety advice; staff see the red ticket in the ledger.
            LogAlertFailed(ex, ticket.Number);
        }
    }

    /// <summary>A group chat: the resident's words are masked; staff open the ticket for details.</summary>
    public static string Markdown(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return $"**【{ticket.Colour.ChineseName()}紧急】{ComplaintCategories.ChineseName(ticket.Category)}**\n" +
               $"> 工单：{ticket.Number}\n> 网格：{ticket.Grid ?? "待确认"}\n> 内容：{PersonalDataMasker.MaskText(ticket.Text)}\n" +
               "请值班网格员立即处置，并在企业微信回复“接单 工单号”。";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Urgent ticket {Number}: no duty group robot configured (Grid:DutyGroupWebhookKey); staff see it in the ledger only")]
    private partial void LogNoDutyGroup(string number);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue the duty-group alert for ticket {Number}")]
    private partial void LogAlertFailed(Exception exception, string number);
}
