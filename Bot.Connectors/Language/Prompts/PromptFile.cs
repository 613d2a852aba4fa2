using System.Text.Json;
using Microsoft.SemanticKernel;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Bot.Connectors.Language.Prompts;

/// <summary>
/// Reads one prompt file: Semantic Kernel's YAML prompt format (name, description, template_format, template,
/// input_variables, execution_settings with temperature, max_tokens and a response_format JSON schema). The YAML
/// is turned into JSON and read by Semantic Kernel's own <see cref="PromptTemplateConfig"/>, so the file means
/// exactly what it means to Semantic Kernel.
/// </summary>
public static class PromptFile
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <exception cref="PromptFormatException">The text is not a valid prompt file.</exception>
    public static PromptTemplateConfig Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        object? tree;
        try
        {
            tree = Yaml.Deserialize<object>(yaml);
        }
        catch (YamlException ex)
        {
            throw new PromptFormatException($"YAML 格式错误（第 {ex.Start.Line} 行）：{ex.Message}", ex);
        }

        if (tree is not Dictionary<object, object>)
        {
            throw new PromptFormatException("提示词文件应是一个 YAML 映射（name、template、input_variables……）。");
        }

        PromptTemplateConfig config;
        try
        {
            config = PromptTemplateConfig.FromJson(JsonSerializer.Serialize(ToJsonTree(tree)));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or NotSupportedException)
        {
            throw new PromptFormatException($"提示词字段无效：{ex.Message}", ex);
        }

        if (string.IsNullOrWhiteSpace(config.Template))
        {
            throw new PromptFormatException("缺少 template。");
        }

        return config;
    }

    /// <summary>YamlDotNet reads every scalar as a string; numbers and booleans must become JSON numbers and booleans.</summary>
    private static object? ToJsonTree(object? node) => node switch
    {
        Dictionary<object, object> map => map.ToDictionary(p => Convert.ToString(p.Key, System.Globalization.CultureInfo.InvariantCulture)!, p => ToJsonTree(p.Value)),
        List<object> list => list.Select(ToJsonTree).ToList(),
        string s when bool.TryParse(s, out var b) => b,
        string s when long.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var l) => l,
        string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
        _ => node,
    };
}

public sealed class PromptFormatException(string message, Exception? inner = null) : Exception(message, inner);
