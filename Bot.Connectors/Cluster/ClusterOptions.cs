namespace Bot.Connectors.Cluster;

/// <summary>Names this host among the hosts sharing one database (<c>Cluster:InstanceId</c>).</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Cluster";

    /// <summary>
    /// Stable across restarts (e.g. <c>bot-1</c>) lets a restarted host take its own unfinished messages back at
    /// once instead of waiting for their leases to lapse. Empty → machine name and process id.
    /// </summary>
    public string InstanceId { get; set; } = string.Empty;
}
