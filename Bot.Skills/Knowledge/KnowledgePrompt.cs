using System.Text;
using Bot.Skills.Language;

namespace Bot.Skills.Knowledge;

/// <summary>What the model returns for <c>prompts/knowledge/answer.yaml</c> (snake_case JSON).</summary>
public sealed record KnowledgeModelAnswer(string? Answer, IReadOnlyList<string>? EntryIds);

/// <summary>
/// Builds the call of the <c>knowledge/answer</c> prompt. Its variables are the resident's question, the
/// retrieved entries and the community's name — nothing else about the resident is ever passed.
/// </summary>
public static class KnowledgePrompt
{
    public const string Id = "knowledge/answer";

    public static PromptCall Call(string question, IReadOnlyList<KnowledgeMatch> matches, string community, int? version = null)
    {
        ArgumentNullException.ThrowIfNull(matches);
        return new PromptCall(Id, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["question"] = question,
            ["entries"] = Entries(matches),
            ["community"] = community,
        })
        { Version = version };
    }

    /// <summary>The entries as numbered blocks, each with the id the model must cite.</summary>
    public static string Entries(IReadOnlyList<KnowledgeMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var text = new StringBuilder();
        for (var i = 0; i < matches.Count; i++)
        {
            var entry = matches[i].Entry;
            text.Append('[').Append(i + 1).Append("] 条目ID：").Append(entry.Id).Append('\n')
                .Append("问题：").Append(entry.Question).Append('\n')
                .Append("答案：").Append(entry.Answer).Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }
}
