using System.Globalization;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Cluster;

/// <summary>This host's name among the hosts sharing one database (see <see cref="ClusterOptions"/>).</summary>
public sealed class InstanceIdentity(IOptions<ClusterOptions> options)
{
    public string Id { get; } = string.IsNullOrWhiteSpace(options.Value.InstanceId)
        ? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}")
        : options.Value.InstanceId.Trim();
}
