using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Grid;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Escalation;

/// <summary>A ticket's first-response window: its target by colour and level, counted in business time unless red.</summary>
public sealed class SlaPolicy(IOptions<SlaOptions> sla, IOptions<ComplaintOptions> complaints)
{
    private readonly DutyHours _businessHours = DutyHours.Parse(sla.Value.BusinessHours);

    /// <summary>Grid-level targets for what the grid settles; the department target for department matters and at department level.</summary>
    public TimeSpan Target(Ticket ticket, EscalationLevel level)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var targets = sla.Value.For(ticket.Colour);
        return level == EscalationLevel.Department || !complaints.Value.IsGridLevel(ticket.Category) ? targets.Department : targets.Grid;
    }

    /// <summary>The window that starts at <paramref name="from"/>: when to remind and when the response is due.</summary>
    public (DateTimeOffset RemindAt, DateTimeOffset Due) Window(Ticket ticket, EscalationLevel level, DateTimeOffset from)
    {
        var target = Target(ticket, level);

        // Red is about safety now: nights and weekends count.
        var hours = ticket.Colour == Colour.Red ? null : _businessHours;
        var remind = BusinessClock.Add(from, target * sla.Value.ReminderAtFraction, hours);
        return (remind, BusinessClock.Add(from, target, hours));
    }

    /// <summary>When the first response was promised to the resident: the building-level window from filing.</summary>
    public DateTimeOffset PromisedBy(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return Window(ticket, EscalationLevel.Building, ticket.CreatedAt).Due;
    }

    /// <summary>An assignment to <paramref name="person"/> at their level, with the window starting at <paramref name="from"/>.</summary>
    public Assignment Assign(Ticket ticket, Person person, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(person);
        var level = EscalationLevels.For(person.Role);
        var (remind, due) = Window(ticket, level, from);
        return new Assignment(person.Id, level, remind, due);
    }
}
