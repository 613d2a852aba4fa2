using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.Skills.Escalation;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Tests.Escalation;

public sealed class SlaPolicyTests
{
    private static readonly DateTimeOffset FridayEvening = new(2026, 11, 27, 17, 20, 0, TimeSpan.FromHours(8));

    private static readonly SlaPolicy Policy = new(Options.Create(new SlaOptions()), Options.Create(new ComplaintOptions()));

    private static Ticket Ticket(Colour colour, string category = ComplaintCategories.Noise) =>
        new("2026-000001", new ResidentKey("t", "r"), category, colour, "城管执法中队", "x", null, null, null, null, [], TicketState.Accepted, "o",
            FridayEvening, FridayEvening, null, null);

    [Theory]
    [InlineData(Colour.Red, ComplaintCategories.IllegalConstruction, 15)]
    [InlineData(Colour.Orange, ComplaintCategories.IllegalConstruction, 15)]
    [InlineData(Colour.Yellow, ComplaintCategories.Noise, 15)]
    [InlineData(Colour.Yellow, ComplaintCategories.IllegalConstruction, 24 * 60)]
    [InlineData(Colour.Green, ComplaintCategories.Consultation, 24 * 60)]
    public void Target_DefaultsMatchTheResidentsPromise(Colour colour, string category, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), Policy.Target(Ticket(colour, category), EscalationLevel.Building));
    }

    [Fact]
    public void Target_AtDepartmentLevel_UsesTheDepartmentTarget()
    {
        Assert.Equal(TimeSpan.FromHours(24), Policy.Target(Ticket(Colour.Yellow), EscalationLevel.Department));
    }

    [Fact]
    public void Window_Red_IgnoresBusinessHours()
    {
        var (remind, due) = Policy.Window(Ticket(Colour.Red), EscalationLevel.Building, FridayEvening);

        Assert.Equal((FridayEvening.AddMinutes(12), FridayEvening.AddMinutes(15)), (remind, due));
    }

    [Fact]
    public void Window_Yellow_CountsBusinessTimeAndRemindsAtEightyPercent()
    {
        var (remind, due) = Policy.Window(Ticket(Colour.Yellow), EscalationLevel.Building, FridayEvening);

        var monday = new DateTimeOffset(2026, 11, 30, 8, 30, 0, TimeSpan.FromHours(8));
        Assert.Equal((monday.AddMinutes(2), monday.AddMinutes(5)), (remind, due));
    }

    [Fact]
    public void Validate_BadBusinessHoursOrTarget_Refused()
    {
        var options = new SlaOptions { BusinessHours = "上班时间", Green = new SlaTargets { Grid = TimeSpan.Zero, Department = TimeSpan.FromHours(1) } };

        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(e => e.ErrorMessage).ToList();

        Assert.Contains(errors, e => e!.StartsWith("Sla:BusinessHours", StringComparison.Ordinal));
        Assert.Contains(errors, e => e!.StartsWith("Sla:Green", StringComparison.Ordinal));
    }
}
