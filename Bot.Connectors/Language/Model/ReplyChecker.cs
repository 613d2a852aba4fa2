using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Skills.Language;

namespace Bot.Connectors.Language.Model;

/// <summary>Turns the model's raw text into an answer, or says why it is not one.</summary>
internal static class ReplyChecker
{
    public static ModelReply Check(string? raw, ReplySchema? schema)
    {
        var text = raw?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return new ModelReply(ModelOutcome.InvalidOutput, null, "模型返回了空内容");
        }

        return schema is null ? new ModelReply(ModelOutcome.Answered, text) : CheckJson(text, schema);
    }

    private static ModelReply CheckJson(string text, ReplySchema schema)
    {
        var json = ExtractObject(text);
        if (json is null)
        {
            return Invalid("回复不是 JSON 对象");
        }

        JsonObject answer;
        try
        {
            if (JsonNode.Parse(json) is not JsonObject parsed)
            {
                return Invalid("回复不是 JSON 对象");
            }

            answer = parsed;
        }
        catch (JsonException ex)
        {
            return Invalid($"JSON 无法解析（第 {ex.LineNumber + 1} 行第 {ex.BytePositionInLine + 1} 字节）");
        }

        foreach (var name in schema.Required)
        {
            if (!answer.ContainsKey(name))
            {
                return Invalid($"缺少必填字段 {name}");
            }
        }

        foreach (var (name, allowed) in schema.Enums)
        {
            if (answer.TryGetPropertyValue(name, out var actual) && !allowed.Any(a => JsonNode.DeepEquals(a, actual)))
            {
                return Invalid($"字段 {name} 的值不在允许范围内");
            }
        }

        return new ModelReply(ModelOutcome.Answered, json);
    }

    /// <summary>The object inside ``` fences or after leading prose: from the first '{' to the last '}'.</summary>
    private static string? ExtractObject(string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        return start >= 0 && end > start ? text[start..(end + 1)] : null;
    }

    private static ModelReply Invalid(string detail) => new(ModelOutcome.InvalidOutput, null, detail);
}
