using System.Globalization;

namespace Bot.Skills.Knowledge;

/// <summary>The outcome of reading one entry: the entry, or a Chinese reason the admin can act on.</summary>
public sealed record KnowledgeParseResult(KnowledgeEntry? Entry, string? Error)
{
    public bool IsValid => Entry is not null;
}

/// <summary>
/// Reads one knowledge entry written by an admin in Markdown. The format is a header of <c>键：值</c> lines
/// (half- or full-width colon), a line <c>---</c>, then the answer body in Markdown:
/// <code>
/// 问题：办理居住证需要什么材料？
/// 来源：XX派出所户籍窗口（2026年公告）
/// 有效期至：2027-06-30
/// 标签：居住证，户籍
/// ---
/// 带上**身份证**、租房合同……
/// </code>
/// 问题 and 来源 are required; 有效期至 (yyyy-MM-dd, yyyy/M/d or yyyy年M月d日) and 标签 (separated by ，,、)
/// are optional. Headers beat Markdown headings here because admins edit these in WeChat/Notepad, and a
/// typo in a heading would silently become part of the answer, while an unknown key is refused.
/// </summary>
public static class KnowledgeMarkdown
{
    private const string QuestionKey = "问题";
    private const string SourceKey = "来源";
    private const string ValidUntilKey = "有效期至";
    private const string TagsKey = "标签";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy年M月d日"];

    public static KnowledgeParseResult Parse(string id, string markdown)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var separator = Array.FindIndex(lines, l => l.Trim() == "---");
        if (separator < 0)
        {
            return Fail(id, "缺少分隔行“---”：请先写“问题：”“来源：”等行，再写一行“---”，下面是答案正文");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < separator; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOfAny([':', '：']);
            if (colon <= 0)
            {
                return Fail(id, $"第{i + 1}行“{line}”不是“键：值”的格式");
            }

            var key = line[..colon].Trim();
            if (key is not (QuestionKey or SourceKey or ValidUntilKey or TagsKey))
            {
                return Fail(id, $"第{i + 1}行的“{key}”不认识，只能写问题、来源、有效期至、标签");
            }

            if (!fields.TryAdd(key, line[(colon + 1)..].Trim()))
            {
                return Fail(id, $"“{key}”写了两次");
            }
        }

        var question = fields.GetValueOrDefault(QuestionKey);
        if (string.IsNullOrWhiteSpace(question))
        {
            return Fail(id, "缺少“问题：”");
        }

        var source = fields.GetValueOrDefault(SourceKey);
        if (string.IsNullOrWhiteSpace(source))
        {
            return Fail(id, "缺少“来源：”，每条答案都要注明出处");
        }

        DateOnly? validUntil = null;
        if (fields.TryGetValue(ValidUntilKey, out var dateText) && dateText.Length > 0)
        {
            if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Fail(id, $"有效期至“{dateText}”不是日期，请写成 2027-06-30");
            }

            validUntil = date;
        }

        var answer = string.Join('\n', lines[(separator + 1)..]).Trim();
        if (answer.Length == 0)
        {
            return Fail(id, "“---”下面没有答案正文");
        }

        var tags = fields.TryGetValue(TagsKey, out var tagText)
            ? tagText.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        return new KnowledgeParseResult(new KnowledgeEntry(id, question, answer, source, validUntil, tags), null);
    }

    private static KnowledgeParseResult Fail(string id, string reason) => new(null, $"知识条目“{id}”：{reason}");
}
