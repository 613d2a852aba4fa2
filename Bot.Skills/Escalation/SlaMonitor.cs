using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Dispatch;
using Bot.Skills.Grid;
using Bot.Skills.Telemetry;
using Microsoft.Extensions.Logging;

namespace Bot.Skills.Escalation;

/// <summary>
/// One SLA sweep: reminds assignees whose window is nearly spent and escalates the tickets whose first response is
/// overdue one level (building → compound → community → department). Safe to run on several hosts at once: the
/// ledger applies a reminder or an escalation only if the ticket is still as this sweep saw it.
/// </summary>
public sealed partial class SlaMonitor(
    ITicketLedger ledger,
    SlaPolicy sla,
    EscalationTargets targets,
    IStaffNotifier staff,
    IGridAlerter alerter,
    IGridRoster roster,
    TimeProvider clock,
    BotMetrics metrics,
    ILogger<SlaMonitor> logger)
{
    /// <returns>How many tickets were reminded and escalated (or marked breached).</returns>
    public async Task<(int Reminded, int Escalated)> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (reminded, escalated) = (0, 0);
        foreach (var ticket in await ledger.ListAwaitingResponseAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                // A ticket nobody could be given to has no window stored: it runs from filing at its level. Business
                // time never ends before wall time, so a ticket younger than its target is skipped without counting.
                var wallDue = ticket.CreatedAt + sla.Target(ticket, ticket.Level);
                if (ticket.ResponseDueAt is null && now < wallDue)
                {
                    continue;
                }

                var (remindAt, due) = ticket.ResponseDueAt is { } stored
                    ? (ticket.RemindAt, stored)
                    : (null, sla.Window(ticket, ticket.Level, ticket.CreatedAt).Due);
                if (now >= due)
                {
                    escalated += await EscalateAsync(ticket, now, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                }
                else if (remindAt <= now && ticket.RemindedAt is null && ticket.AssigneeId is { } assignee)
                {
                    reminded += await RemindAsync(ticket, assignee, due, now, cancellationToken).ConfigureAwait(false) ? 1 : 0;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad ticket must not stop the sweep for the others; the next sweep tries it again.
                LogTicketFailed(ex, ticket.Number);
            }
        }

        return (reminded, escalated);
    }

    private async Task<bool> RemindAsync(Ticket ticket, long assigneeId, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await ledger.MarkRemindedAsync(ticket.Number, ticket.ResponseDueAt, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (await roster.GetPersonAsync(assigneeId, cancellationToken).ConfigureAwait(false) is { WeComUserId: { Length: > 0 } user })
        {
            await staff.NotifyAsync(user, SlaCards.Reminder(ticket, due, now), cancellationToken).ConfigureAwait(false);
        }

        LogReminded(ticket.Number, assigneeId);
        return true;
    }

    private async Task<bool> EscalateAsync(Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var previous = ticket.AssigneeId is { } id ? await roster.GetPersonAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var next = await targets.NextAsync(ticket, now, cancellationToken).ConfigureAwait(false);
        if (next is null)
        {
            var reason = $"超时未响应，已在{EscalationLevels.Title(ticket.Level)}一级，无可升级人员，已通报值班群";
            if (await ledger.EscalateAsync(ticket, null, reason, null, cancellationToken).ConfigureAwait(false) is not { } breached)
            {
                return false;
            }

            await alerter.AlertOverdueAsync(breached, reason, cancellationToken).ConfigureAwait(false);
            metrics.SlaEscalated("breached");
            LogBreachedAtTop(ticket.Number, ticket.Level);
            return true;
        }

        var assignment = sla.Assign(ticket, next, now);
        var title = $"{EscalationLevels.Title(assignment.Level)} {next.Name}";
        var escalated = await ledger.EscalateAsync(ticket, assignment, $"超时未响应，升级至{title}", $"超时升级，派单给 {next.Name}", cancellationToken)
            .ConfigureAwait(false);
        if (escalated is null)
        {
            return false;
        }

        await staff.NotifyAsync(next.WeComUserId!, SlaCards.Escalated(escalated, previous), cancellationToken).ConfigureAwait(false);
        if (previous is { WeComUserId: { Length: > 0 } previousUser } && previous.Id != next.Id)
        {
            await staff.NotifyAsync(previousUser, SlaCards.HandedOn(escalated, title), cancellationToken).ConfigureAwait(false);
        }

        metrics.SlaEscalated("escalated");
        LogEscalated(ticket.Number, ticket.Level, assignment.Level, next.Id);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA reminder for ticket {Number} sent to person {PersonId}")]
    private partial void LogReminded(string number, long personId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {Number} breached its SLA and was escalated from {From} to {To} (person {PersonId})")]
    private partial void LogEscalated(string number, EscalationLevel from, EscalationLevel to, long personId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {Number} breached its SLA at {Level} with nobody higher to escalate to; duty group alerted")]
    private partial void LogBreachedAtTop(string number, EscalationLevel level);

    [LoggerMessage(Level = LogLevel.Error, Message = "SLA sweep failed for ticket {Number}; the next sweep retries it")]
    private partial void LogTicketFailed(Exception exception, string number);
}
