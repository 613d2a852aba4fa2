namespace Bot.Skills.Knowledge;

/// <summary>
/// Where the knowledge base lives (a folder of Markdown files, the database, an admin API). Connectors
/// implement it; the retriever still skips expired entries itself because only it knows today's date.
/// </summary>
public interface IKnowledgeStore
{
    /// <summary>The published entries; order does not matter (ties are broken by id).</summary>
    ValueTask<IReadOnlyList<KnowledgeEntry>> ListActiveAsync(CancellationToken cancellationToken);
}
