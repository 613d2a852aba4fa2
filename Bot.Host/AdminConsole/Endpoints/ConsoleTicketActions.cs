using Bot.Host.AdminConsole.Auth;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Dispatch;
using Bot.Skills.Escalation;
using Bot.Skills.Grid;

namespace Bot.Host.AdminConsole.Endpoints;

/// <summary>What staff do to a ticket from its page, through the ledger, the SLA policy and the escalation chain.</summary>
public sealed class ConsoleTicketActions(
    ITicketLedger ledger, IGridRoster roster, SlaPolicy sla, EscalationTargets targets, IStaffNotifier notifier, TimeProvider clock)
{
    /// <summary>改派: to another roster person with a fresh SLA window; a ticket already with someone is returned first.</summary>
    /// <exception cref="KeyNotFoundException">No such active person.</exception>
    public async Task<Ticket> ReassignAsync(Ticket ticket, long personId, string note, ConsoleUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(user);
        var person = await roster.GetPersonAsync(personId, cancellationToken);
        if (person is not { Active: true })
        {
            throw new KeyNotFoundException($"名册中没有在岗人员 {personId}。");
        }

        if (!TicketStateMachine.CanMove(ticket.State, TicketState.Dispatched))
        {
            ticket = await ledger.TransitionAsync(ticket.Number, TicketState.Returned, user.Actor, "控制台改派", cancellationToken);
        }

        var text = $"改派给{person.Role.ChineseName()}{person.Name}" + (note.Length > 0 ? $"：{note}" : string.Empty);
        var moved = await ledger.AssignAsync(ticket.Number, TicketState.Dispatched, sla.Assign(ticket, person, clock.GetUtcNow()), user.Actor, text, cancellationToken);
        await NotifyAsync(person, moved, cancellationToken);
        return moved;
    }

    /// <summary>升级: one level up the chain (the next person gets it), or marked 升级 when nobody is higher.</summary>
    public async Task<Ticket> EscalateAsync(Ticket ticket, string note, ConsoleUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var next = await targets.NextAsync(ticket, now, cancellationToken);
        var text = "控制台升级" + (note.Length > 0 ? $"：{note}" : string.Empty) + (next is null ? "（无更高层级在岗人员）" : $"，升级至{next.Role.ChineseName()}{next.Name}");
        var escalated = await ledger.TransitionAsync(ticket.Number, TicketState.Escalated, user.Actor, text, cancellationToken);
        if (next is null)
        {
            return escalated;
        }

        var moved = await ledger.AssignAsync(ticket.Number, TicketState.Dispatched, sla.Assign(escalated, next, now), user.Actor, $"派单给{next.Name}", cancellationToken);
        await NotifyAsync(next, moved, cancellationToken);
        return moved;
    }

    /// <summary>结案 with a note: closed directly when the ledger allows it, else recorded as resolved and closed by staff.</summary>
    public async Task<Ticket> CloseAsync(Ticket ticket, string note, ConsoleUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(user);
        var text = $"控制台结案：{note}";
        if (!TicketStateMachine.CanMove(ticket.State, TicketState.Closed))
        {
            if (TicketStateMachine.CanMove(ticket.State, TicketState.Resolved))
            {
                ticket = await ledger.TransitionAsync(ticket.Number, TicketState.Resolved, user.Actor, note, cancellationToken);
            }

            ticket = await ledger.TransitionAsync(ticket.Number, TicketState.FollowUp, user.Actor, "工作人员结案，不再等待居民评价", cancellationToken);
        }

        return await ledger.TransitionAsync(ticket.Number, TicketState.Closed, user.Actor, text, cancellationToken);
    }

    private async Task NotifyAsync(Person person, Ticket ticket, CancellationToken cancellationToken)
    {
        if (person.WeComUserId is { Length: > 0 } account)
        {
            await notifier.NotifyAsync(account, StaffCards.For(ticket), cancellationToken);
        }
    }
}
