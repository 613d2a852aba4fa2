namespace Bot.Connectors.Classification;

/// <summary>
/// Maps a normalised text to a sparse, L2-normalised vector of character n-gram weights (log-TF × IDF).
/// Immutable once built, so one instance serves any number of threads. Lookups go through a span-keyed
/// view of the vocabulary, so featurising allocates no substring per n-gram.
/// </summary>
internal sealed class CharNGramFeaturizer
{
    private const char StartMarker = '\u0002';
    private const char EndMarker = '\u0003';

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public CharNGramFeaturizer(TextClassifierOptions options, IReadOnlyList<string> ngrams, float[] idf)
    {
        Options = options;
        Ngrams = ngrams;
        Idf = idf;
        var vocabulary = new Dictionary<string, int>(ngrams.Count, StringComparer.Ordinal);
        for (var i = 0; i < ngrams.Count; i++)
        {
            vocabulary.Add(ngrams[i], i);
        }

        lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public TextClassifierOptions Options { get; }

    public IReadOnlyList<string> Ngrams { get; }

    public float[] Idf { get; }

    public int Dimension => Ngrams.Count;

    public static CharNGramFeaturizer Build(IReadOnlyList<string> normalisedTexts, TextClassifierOptions options)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in normalisedTexts)
        {
            seen.Clear();
            var framed = Frame(text, options);
            ForEachNGram(framed, options, span => seen.Add(span.ToString()));
            foreach (var ngram in seen)
            {
                documentFrequency[ngram] = documentFrequency.GetValueOrDefault(ngram) + 1;
            }
        }

        // Ordinal order keeps the feature indices, and so the trained weights, reproducible run to run.
        var kept = documentFrequency.Where(p => p.Value >= options.MinDocumentFrequency)
            .OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var n = normalisedTexts.Count;
        var idf = kept.Select(p => options.UseIdf ? (float)(Math.Log((1.0 + n) / (1.0 + p.Value)) + 1.0) : 1f).ToArray();
        return new CharNGramFeaturizer(options, kept.Select(p => p.Key).ToList(), idf);
    }

    /// <summary>Sparse features of one normalised text: ascending indices and their weights.</summary>
    public (int[] Indices, float[] Values) Featurize(string normalisedText)
    {
        // Collect hits, sort, then count runs: cheaper than a per-call dictionary for title-length texts.
        var hits = new List<int>(normalisedText.Length * (Options.MaxNGram - Options.MinNGram + 1));
        ForEachNGram(Frame(normalisedText, Options), Options, span =>
        {
            if (lookup.TryGetValue(span, out var index))
            {
                hits.Add(index);
            }
        });
        hits.Sort();

        var indices = new List<int>(hits.Count);
        var values = new List<float>(hits.Count);
        double sumOfSquares = 0;
        for (var i = 0; i < hits.Count;)
        {
            var run = i;
            while (run < hits.Count && hits[run] == hits[i])
            {
                run++;
            }

            var tf = run - i;
            var weight = (Options.SublinearTf ? 1f + MathF.Log(tf) : tf) * Idf[hits[i]];
            indices.Add(hits[i]);
            values.Add(weight);
            sumOfSquares += weight * weight;
            i = run;
        }

        var result = values.ToArray();
        if (sumOfSquares > 0)
        {
            var scale = (float)(1.0 / Math.Sqrt(sumOfSquares));
            for (var i = 0; i < result.Length; i++)
            {
                result[i] *= scale;
            }
        }

        return (indices.ToArray(), result);
    }

    private static string Frame(string text, TextClassifierOptions options) =>
        options.BoundaryMarkers ? StartMarker + text + EndMarker : text;

    private delegate void NGramVisitor(ReadOnlySpan<char> ngram);

    private static void ForEachNGram(string text, TextClassifierOptions options, NGramVisitor visit)
    {
        for (var start = 0; start < text.Length; start++)
        {
            for (var length = options.MinNGram; length <= options.MaxNGram && start + length <= text.Length; length++)
            {
                var ngram = text.AsSpan(start, length);
                if (length == 1 && options.BoundaryMarkers && (ngram[0] == StartMarker || ngram[0] == EndMarker))
                {
                    continue; // a lone marker is in every text: it carries no information
                }

                visit(ngram);
            }
        }
    }
}
