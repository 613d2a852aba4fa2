using System.ComponentModel.DataAnnotations;

namespace Bot.Skills.Handoff;

public sealed class HandoffOptions
{
    public const string SectionName = "Handoff";

    /// <summary>Minutes without a message from either side after which a session ends and the bot takes over.</summary>
    [Range(1, 24 * 60)]
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>How often the background sweep looks for idle sessions nobody wrote to.</summary>
    [Range(5, 3600)]
    public int SweepIntervalSeconds { get; set; } = 60;

    /// <summary>Told to residents who ask for a person when nobody is on duty.</summary>
    [Required]
    [MinLength(1)]
    public string EmergencyNumbers { get; set; } = "治安报警110、火警119、急救120";

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);

    public TimeSpan SweepInterval => TimeSpan.FromSeconds(SweepIntervalSeconds);
}
