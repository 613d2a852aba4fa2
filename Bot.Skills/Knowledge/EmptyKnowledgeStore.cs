namespace Bot.Skills.Knowledge;

/// <summary>The default until the connectors register the database store: no entries, so nothing is answered.</summary>
public sealed class EmptyKnowledgeStore : IKnowledgeStore
{
    public ValueTask<IReadOnlyList<KnowledgeEntry>> ListActiveAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<KnowledgeEntry>>([]);
}
