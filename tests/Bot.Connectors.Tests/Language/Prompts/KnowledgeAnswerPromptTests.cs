using System.Text.RegularExpressions;
using Bot.Connectors.Language.Prompts;
using Bot.Connectors.Tests.Storage.Knowledge;
using Bot.Skills.Knowledge;

namespace Bot.Connectors.Tests.Language.Prompts;

public sealed partial class KnowledgeAnswerPromptTests
{
    [Fact]
    public void Parse_KnowledgeAnswerFile_DeclaresExactlyTheVariablesTheAnswererSupplies()
    {
        var yaml = File.ReadAllText(Path.Combine(KnowledgeStoreTests.RepositoryRoot(), "prompts", "knowledge", "answer.yaml"));

        var config = PromptFile.Parse(yaml);

        var supplied = KnowledgePrompt.Call("问题", [], "幸福社区").Arguments.Keys.Order(StringComparer.Ordinal).ToList();
        var used = Variable().Matches(config.Template).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(supplied, config.InputVariables.Select(v => v.Name).Order(StringComparer.Ordinal));
        Assert.Equal(supplied, used);
        Assert.All(config.InputVariables, v => Assert.True(v.IsRequired));
        Assert.Equal("semantic-kernel", config.TemplateFormat);
        Assert.Contains("<message role=\"user\">{{$question}}</message>", config.Template, StringComparison.Ordinal);
        var settings = config.ExecutionSettings["default"].ExtensionData!;
        Assert.Equal(0.2, Convert.ToDouble(settings["temperature"].ToString(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("knowledge_answer", settings["response_format"].ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{\{\$(\w+)\}\}")]
    private static partial Regex Variable();
}
