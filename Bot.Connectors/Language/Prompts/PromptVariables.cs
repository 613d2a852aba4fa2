using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;

namespace Bot.Connectors.Language.Prompts;

/// <summary>
/// The variables a Semantic Kernel template uses (<c>{{$name}}</c>, also as function arguments
/// <c>{{fn $name}}</c> and <c>{{fn arg=$name}}</c>) against the ones the file declares in <c>input_variables</c>.
/// A prompt is consistent when each used variable is declared and each declared one is used.
/// </summary>
public sealed partial record PromptVariables(IReadOnlyList<string> Used, IReadOnlyList<string> Declared)
{
    public IReadOnlyList<string> Undeclared => Used.Except(Declared, StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> Unused => Declared.Except(Used, StringComparer.Ordinal).ToList();

    public bool IsConsistent => Undeclared.Count == 0 && Unused.Count == 0;

    /// <summary>Clear Chinese reasons, empty when consistent.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            var errors = new List<string>();
            if (Undeclared.Count > 0)
            {
                errors.Add($"模板使用了未在 input_variables 中声明的变量：{string.Join("、", Undeclared)}");
            }

            if (Unused.Count > 0)
            {
                errors.Add($"input_variables 声明了模板未使用的变量：{string.Join("、", Unused)}");
            }

            return errors;
        }
    }

    public static PromptVariables Of(PromptTemplateConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var declared = config.InputVariables.Select(v => v.Name).Distinct(StringComparer.Ordinal).ToList();
        return new PromptVariables(UsedIn(config.Template), declared);
    }

    /// <summary>Variable names in template order, each once; quoted literals inside a block are not variables.</summary>
    public static IReadOnlyList<string> UsedIn(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var names = new List<string>();
        foreach (Match block in Block().Matches(template))
        {
            var code = Literal().Replace(block.Groups[1].Value, " ");
            foreach (Match variable in Variable().Matches(code))
            {
                var name = variable.Groups[1].Value;
                if (!names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    [GeneratedRegex(@"\{\{(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"'(?:\\.|[^'\\])*'|""(?:\\.|[^""\\])*""", RegexOptions.Singleline)]
    private static partial Regex Literal();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])\$([A-Za-z0-9_]+)")]
    private static partial Regex Variable();
}
