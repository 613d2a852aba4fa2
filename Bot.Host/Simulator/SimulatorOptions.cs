using System.ComponentModel.DataAnnotations;

namespace Bot.Host.Simulator;

public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>How long the simulator waits for the replies before they are left for polling.</summary>
    [Range(50, 60_000)]
    public int ReplyBudgetMs { get; set; } = 4000;
}
