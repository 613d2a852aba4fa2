namespace Bot.Skills.Knowledge;

/// <summary>A text to index under a stable id (the id breaks ties, so it must be unique).</summary>
public sealed record Bm25Document(string Id, string Text);

/// <summary>
/// One hit. <see cref="Coverage"/> is the share of the query's distinct terms the document contains. Thresholds
/// use it rather than the score because BM25 scores (and IDF-weighted shares) depend on how many entries the
/// knowledge base has: with three entries every term looks common; a plain share means the same at any size.
/// </summary>
public sealed record Bm25Match(string Id, double Score, double Coverage, bool SharesBigram);

/// <summary>
/// Okapi BM25 (k1 = 1.2, b = 0.75, the Lucene IDF that never goes negative) over character 1–2-grams
/// (<see cref="KnowledgeText"/>). Built once per list of documents; immutable, so safe to share.
/// </summary>
public sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly List<(string Id, Dictionary<string, int> Counts, int Length)> documents = [];
    private readonly Dictionary<string, int> documentFrequency = new(StringComparer.Ordinal);
    private readonly double averageLength;

    public Bm25Index(IEnumerable<Bm25Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            var terms = KnowledgeText.Terms(document.Text);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in terms)
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }

            foreach (var term in counts.Keys)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }

            this.documents.Add((document.Id, counts, terms.Count));
        }

        averageLength = this.documents.Count == 0 ? 0 : this.documents.Average(d => (double)d.Length);
    }

    public int Count => documents.Count;

    /// <summary>Documents sharing at least one term with the query, best first; equal scores in ordinal id order.</summary>
    public IReadOnlyList<Bm25Match> Search(string query, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(query);
        var queryTerms = KnowledgeText.Terms(query).Distinct(StringComparer.Ordinal).ToList();
        if (queryTerms.Count == 0 || documents.Count == 0)
        {
            return [];
        }

        var weights = queryTerms.ToDictionary(t => t, Idf, StringComparer.Ordinal);
        var matches = new List<Bm25Match>();
        foreach (var (id, counts, length) in documents)
        {
            double score = 0;
            var covered = 0;
            var sharesBigram = false;
            var norm = K1 * (1 - B + (B * length / averageLength));
            foreach (var term in queryTerms)
            {
                if (!counts.TryGetValue(term, out var tf))
                {
                    continue;
                }

                score += weights[term] * tf * (K1 + 1) / (tf + norm);
                covered++;
                sharesBigram |= KnowledgeText.IsBigram(term);
            }

            if (score > 0)
            {
                matches.Add(new Bm25Match(id, score, (double)covered / queryTerms.Count, sharesBigram));
            }
        }

        return [.. matches
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .Take(top)];
    }

    private double Idf(string term)
    {
        var n = documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + ((documents.Count - n + 0.5) / (n + 0.5)));
    }
}
