using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Connectors.Language.Prompts;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Bot.Connectors.Language.Model;

/// <summary>
/// One prompt version ready to run: its Semantic Kernel template, its declared inputs, its execution settings
/// and, for structured prompts, the schema the answer is checked against.
/// </summary>
internal sealed record PreparedPrompt(
    IPromptTemplate Template,
    IReadOnlySet<string> Inputs,
    OpenAIPromptExecutionSettings Settings,
    ReplySchema? Schema)
{
    private static readonly KernelPromptTemplateFactory Factory = new();

    /// <exception cref="PromptFormatException">The file is not a valid prompt.</exception>
    public static PreparedPrompt Create(string content)
    {
        var config = PromptFile.Parse(content);
        IPromptTemplate template;
        try
        {
            // Variable values stay HTML-encoded in <message> blocks (AllowDangerouslySetContent is off), so a
            // resident's "</message><message role=\"system\">" is text inside the user's message.
            template = Factory.Create(config);
        }
        catch (KernelException ex)
        {
            throw new PromptFormatException($"模板无法解析：{ex.Message}", ex);
        }

        var inputs = config.InputVariables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        config.ExecutionSettings.TryGetValue(PromptExecutionSettings.DefaultServiceId, out var defaults);
        var settings = OpenAIPromptExecutionSettings.FromExecutionSettings(defaults);
        return new PreparedPrompt(template, inputs, settings, ReplySchema.From(settings.ResponseFormat));
    }
}

/// <summary>Parsed prompts by (id, version, content hash): an edit of a stored version is never served stale.</summary>
internal sealed class PreparedPromptCache
{
    private const int MaxEntries = 256;
    private readonly ConcurrentDictionary<(string Id, int Version, string Hash), PreparedPrompt> _entries = new();

    public PreparedPrompt Get(PromptText prompt)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(prompt.Content)));
        var key = (prompt.PromptId, prompt.Version, hash);
        if (_entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(key, PreparedPrompt.Create(prompt.Content));
    }
}

/// <summary>What a structured answer must satisfy: a JSON object, the schema's required properties and top-level enums.</summary>
internal sealed record ReplySchema(IReadOnlyList<string> Required, IReadOnlyDictionary<string, IReadOnlyList<JsonNode?>> Enums)
{
    public static ReplySchema? From(object? responseFormat)
    {
        var format = responseFormat switch
        {
            null => null,
            JsonElement element => JsonNode.Parse(element.GetRawText()),
            string text => JsonValue.Create(text),
            _ => JsonSerializer.SerializeToNode(responseFormat),
        };

        var type = format is JsonValue value ? value.ToString() : format?["type"]?.GetValue<string>();
        if (type is not ("json_object" or "json_schema"))
        {
            return null;
        }

        var schema = format?["json_schema"]?["schema"] as JsonObject;
        var required = (schema?["required"] as JsonArray)?.Select(n => n?.GetValue<string>()).OfType<string>().ToList() ?? [];
        var enums = new Dictionary<string, IReadOnlyList<JsonNode?>>(StringComparer.Ordinal);
        foreach (var (name, property) in schema?["properties"] as JsonObject ?? [])
        {
            if (property?["enum"] is JsonArray allowed)
            {
                enums[name] = allowed.Select(n => n?.DeepClone()).ToList();
            }
        }

        return new ReplySchema(required, enums);
    }
}
