using Microsoft.SemanticKernel;

namespace Bot.Connectors.Language.Prompts;

/// <summary>What makes a prompt usable: it parses, its variables agree, and it declares what the skill supplies.</summary>
public static class PromptCheck
{
    /// <param name="declared">The file default's input variables, which the skill supplies; null for the file itself.</param>
    /// <exception cref="PromptFormatException">With every reason, in Chinese.</exception>
    public static PromptTemplateConfig Validate(string content, IReadOnlyCollection<string>? declared)
    {
        var config = PromptFile.Parse(content);
        var variables = PromptVariables.Of(config);
        var errors = variables.Errors.ToList();
        if (declared is not null)
        {
            var missing = declared.Except(variables.Declared, StringComparer.Ordinal).ToList();
            var extra = variables.Declared.Except(declared, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                errors.Add($"缺少默认版本声明的变量：{string.Join("、", missing)}");
            }

            if (extra.Count > 0)
            {
                errors.Add($"声明了技能不会提供的变量：{string.Join("、", extra)}");
            }
        }

        return errors.Count == 0 ? config : throw new PromptFormatException(string.Join("；", errors) + "。");
    }

    public static IReadOnlyList<string> DeclaredNames(PromptTemplateConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.InputVariables.Select(v => v.Name).ToList();
    }
}
