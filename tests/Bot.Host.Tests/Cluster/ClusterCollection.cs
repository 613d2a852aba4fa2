namespace Bot.Host.Tests.Cluster;

/// <summary>
/// The cluster test classes run one after the other: each starts two real hosts, and two pairs at once on a small
/// machine would make every timing in them a guess.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "Cluster";
}
