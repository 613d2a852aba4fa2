using System.ComponentModel.DataAnnotations;
using Bot.Skills.Complaints;
using Bot.Skills.Grid;

namespace Bot.Skills.Escalation;

/// <summary>
/// Section <c>Sla</c>: first-response targets per colour, for tickets the grid settles (<c>Grid</c>) and for those a
/// department must (<c>Department</c>, also used once a ticket has been escalated to a department). The defaults
/// are the promises the resident is given when filing (TicketPromises): red and orange 15 minutes at any level,
/// yellow 15 minutes or 24 hours, green 24 hours. Non-red targets count business time only; red counts the clock.
/// </summary>
public sealed class SlaOptions : IValidatableObject
{
    public const string SectionName = "Sla";

    public SlaTargets Red { get; set; } = new() { Grid = TimeSpan.FromMinutes(15), Department = TimeSpan.FromMinutes(15) };

    public SlaTargets Orange { get; set; } = new() { Grid = TimeSpan.FromMinutes(15), Department = TimeSpan.FromMinutes(15) };

    public SlaTargets Yellow { get; set; } = new() { Grid = TimeSpan.FromMinutes(15), Department = TimeSpan.FromHours(24) };

    public SlaTargets Green { get; set; } = new() { Grid = TimeSpan.FromHours(24), Department = TimeSpan.FromHours(24) };

    /// <summary>The assignee is reminded once this share of the window has passed (0.8: at 12 of 15 minutes).</summary>
    [Range(0.05, 0.95)]
    public double ReminderAtFraction { get; set; } = 0.8;

    /// <summary>When non-red windows run, in China time, written like a roster's duty hours.</summary>
    [Required]
    public string BusinessHours { get; set; } = "周一至周五 08:30-17:30";

    /// <summary>How often the sweep (reminders and escalations) runs.</summary>
    [Range(5, 3600)]
    public int SweepIntervalSeconds { get; set; } = 30;

    public SlaTargets For(Colour colour) => colour switch
    {
        Colour.Red => Red,
        Colour.Orange => Orange,
        Colour.Yellow => Yellow,
        _ => Green,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!DutyHours.TryParse(BusinessHours, out _, out var error))
        {
            yield return new ValidationResult($"Sla:BusinessHours: {error}", [nameof(BusinessHours)]);
        }

        foreach (var (name, targets) in new[] { ("Red", Red), ("Orange", Orange), ("Yellow", Yellow), ("Green", Green) })
        {
            if (targets is null || targets.Grid <= TimeSpan.Zero || targets.Department <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"Sla:{name}:Grid and Sla:{name}:Department must be positive times such as 00:15:00.", [name]);
            }
        }
    }
}

/// <summary>The first-response targets of one colour.</summary>
public sealed class SlaTargets
{
    public TimeSpan Grid { get; set; }

    public TimeSpan Department { get; set; }
}
