using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Skills.Knowledge;

namespace Bot.Host.Endpoints;

/// <summary>Turns an admin's PUT body (JSON or the Markdown file format) into an entry, or a Chinese reason.</summary>
internal static partial class KnowledgeRequests
{
    public const int MaxAnswerChars = 2000;

    private const int MaxQuestionChars = 200;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy年M月d日"];

    /// <summary>Letters, digits, CJK, '-' and '_': the id is also a file name in <c>knowledge/</c>.</summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    public static KnowledgeEntry? FromJson(string id, KnowledgeEntryRequest? request, out string error)
    {
        error = string.Empty;
        if (request is null)
        {
            error = "请求体应为 JSON：{question, answer, source, validUntil?, tags?}。";
            return null;
        }

        DateOnly? validUntil = null;
        if (!string.IsNullOrWhiteSpace(request.ValidUntil))
        {
            if (!DateOnly.TryParseExact(request.ValidUntil.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                error = $"有效期“{request.ValidUntil}”不是日期，请写成 2027-06-30。";
                return null;
            }

            validUntil = date;
        }

        var tags = (request.Tags ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        var entry = new KnowledgeEntry(id, request.Question?.Trim() ?? string.Empty, request.Answer?.Trim() ?? string.Empty, request.Source?.Trim() ?? string.Empty, validUntil, tags);
        return Check(entry, out error);
    }

    public static KnowledgeEntry? FromMarkdown(string id, string markdown, out string error)
    {
        var parsed = KnowledgeMarkdown.Parse(id, markdown);
        error = parsed.Error ?? string.Empty;
        return parsed.Entry is { } entry ? Check(entry, out error) : null;
    }

    private static KnowledgeEntry? Check(KnowledgeEntry entry, out string error)
    {
        error = entry switch
        {
            { Question.Length: 0 } => "问题不能为空。",
            { Question.Length: > MaxQuestionChars } => $"问题不能超过 {MaxQuestionChars} 个字。",
            { Answer.Length: 0 } => "答案不能为空。",
            { Answer.Length: > MaxAnswerChars } => $"答案不能超过 {MaxAnswerChars} 个字（现在 {entry.Answer.Length} 个字）。",
            { Source.Length: 0 } => "来源不能为空，每条答案都要注明出处。",
            _ => string.Empty,
        };
        return error.Length == 0 ? entry : null;
    }

    [GeneratedRegex(@"^[\p{L}\p{Nd}_\-]{1,64}$")]
    private static partial Regex IdPattern();
}
