namespace Bot.Skills.Knowledge;

/// <summary>
/// One admin-maintained answer to a consultation (办事咨询). <see cref="Answer"/> is Markdown and is sent as
/// written; <see cref="Source"/> is shown under it so residents can check where it comes from.
/// </summary>
/// <param name="ValidUntil">Last day (China date) the answer may be given; null when it does not expire.</param>
public sealed record KnowledgeEntry(
    string Id,
    string Question,
    string Answer,
    string Source,
    DateOnly? ValidUntil,
    IReadOnlyList<string> Tags)
{
    /// <summary>Whether the entry may still be answered on <paramref name="today"/> (the last day counts).</summary>
    public bool IsValidOn(DateOnly today) => ValidUntil is not { } last || today <= last;
}
