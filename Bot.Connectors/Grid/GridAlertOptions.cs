namespace Bot.Connectors.Grid;

public sealed class GridAlertOptions
{
    public const string SectionName = "Grid";

    /// <summary>The key of the community duty group's robot (群机器人 webhook); empty = no duty group yet.</summary>
    public string DutyGroupWebhookKey { get; set; } = string.Empty;
}
