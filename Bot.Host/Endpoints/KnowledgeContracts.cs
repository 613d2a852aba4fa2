using System.Globalization;
using Bot.Connectors.Storage.Knowledge;
using Bot.Skills.Knowledge;

namespace Bot.Host.Endpoints;

/// <summary>One knowledge entry as the admin API shows it; validUntil is yyyy-MM-dd (China date), null when it never expires.</summary>
public sealed record KnowledgeEntryDto(
    string Id, string Question, string Answer, string Source, string? ValidUntil, IReadOnlyList<string> Tags, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static KnowledgeEntryDto From(StoredKnowledgeEntry stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var e = stored.Entry;
        return new(e.Id, e.Question, e.Answer, e.Source, e.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Tags, stored.UpdatedAt, stored.UpdatedBy);
    }
}

/// <summary>The JSON body of PUT /api/knowledge/{id}; text/markdown bodies use the knowledge file format instead.</summary>
public sealed record KnowledgeEntryRequest(string? Question, string? Answer, string? Source, string? ValidUntil, IReadOnlyList<string>? Tags);

public sealed record KnowledgeSearchRequest(string? Question);

/// <param name="Answer">What a resident asking this would be told now (with the model when one is configured).</param>
public sealed record KnowledgeSearchResponse(IReadOnlyList<KnowledgeSearchHit> Matches, string Answer, bool Answered, IReadOnlyList<string> Cited);

/// <param name="Coverage">Share of the question's terms the entry contains (the relevance threshold uses it).</param>
public sealed record KnowledgeSearchHit(string Id, string Question, double Score, double Coverage)
{
    public static KnowledgeSearchHit From(KnowledgeMatch m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Entry.Id, m.Entry.Question, Math.Round(m.Score, 4), Math.Round(m.Coverage, 4));
    }
}
