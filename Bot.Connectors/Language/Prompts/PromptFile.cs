using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.SemanticKernel;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bot.Connectors.Language.Prompts;

/// <summary>
/// Reads one prompt file: Semantic Kernel's YAML prompt format (name, description, template_format, template,
/// input_variables, execution_settings with temperature, max_tokens and a response_format JSON schema). The YAML
/// is turned into JSON and read by Semantic Kernel's own <see cref="PromptTemplateConfig"/>, so the file means
/// exactly what it means to Semantic Kernel.
/// </summary>
public static class PromptFile
{
    /// <exception cref="PromptFormatException">The text is not a valid prompt file.</exception>
    public static PromptTemplateConfig Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new PromptFormatException($"YAML 格式错误（第 {ex.Start.Line} 行）：{ex.Message}", ex);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new PromptFormatException("提示词文件应是一个 YAML 映射（name、template、input_variables……）。");
        }

        PromptTemplateConfig config;
        try
        {
            config = PromptTemplateConfig.FromJson(ToJson(root)!.ToJsonString());
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            throw new PromptFormatException($"提示词字段无效：{ex.Message}", ex);
        }

        if (string.IsNullOrWhiteSpace(config.Template))
        {
            throw new PromptFormatException("缺少 template。");
        }

        if (!string.Equals(config.TemplateFormat, PromptTemplateConfig.SemanticKernelTemplateFormat, StringComparison.Ordinal))
        {
            throw new PromptFormatException($"template_format 须为 {PromptTemplateConfig.SemanticKernelTemplateFormat}。");
        }

        return config;
    }

    /// <summary>
    /// Only plain (unquoted) scalars may be numbers, booleans or null, as in YAML itself: <c>"1"</c> stays the
    /// string "1", <c>1</c> becomes a number. Aliases are resolved by the representation model.
    /// </summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(KeyOf(p.Key), ToJson(p.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar when scalar.Style == ScalarStyle.Plain => Plain(scalar.Value ?? string.Empty),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? string.Empty),
        _ => throw new PromptFormatException("不支持的 YAML 节点。"),
    };

    private static string KeyOf(YamlNode key) =>
        key is YamlScalarNode { Value: { } value } ? value : throw new PromptFormatException("YAML 映射的键须是文字。");

    private static JsonNode? Plain(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(value.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
            ? JsonValue.Create(real)
            : JsonValue.Create(value);
    }
}

public sealed class PromptFormatException(string message, Exception? inner = null) : Exception(message, inner);
