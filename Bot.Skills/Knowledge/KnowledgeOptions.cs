using System.ComponentModel.DataAnnotations;

namespace Bot.Skills.Knowledge;

/// <summary>The knowledge base: where its default entries live and how answers are composed.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>Folder of <c>*.md</c> entries seeded into an empty table; relative to the content root.</summary>
    [Required]
    public string Folder { get; set; } = "knowledge";

    /// <summary>How many retrieved entries the model sees.</summary>
    [Range(1, 10)]
    public int ModelEntries { get; set; } = 3;

    /// <summary>A model answer longer than this is cut (the sources are added after it).</summary>
    [Range(50, 2000)]
    public int MaxAnswerChars { get; set; } = 600;

    /// <summary>
    /// A question the classifier put in another green category is still answered from the knowledge base when it
    /// reads as a question and the best entry covers at least this share of its terms.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ConfidentCoverage { get; set; } = 0.6;
}
