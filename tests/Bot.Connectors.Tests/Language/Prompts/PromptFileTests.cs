using System.Text.Json;
using Bot.Connectors.Language.Prompts;
using Bot.TestSupport.Language;

namespace Bot.Connectors.Tests.Language.Prompts;

public sealed class PromptFileTests
{
    [Fact]
    public void Parse_ValidFile_ReadsTemplateVariablesAndSettings()
    {
        var config = PromptFile.Parse(SamplePrompts.Classify);

        Assert.Equal("classify", config.Name);
        Assert.Equal("把居民的话归类", config.Description);
        Assert.Contains("{{$message}}", config.Template, StringComparison.Ordinal);
        Assert.Equal(["message", "compound"], config.InputVariables.Select(v => v.Name));
        Assert.True(config.InputVariables[0].IsRequired);
        Assert.False(config.InputVariables[1].IsRequired);
        var settings = config.ExecutionSettings["default"].ExtensionData!;
        Assert.Equal(JsonValueKind.Object, Json(settings["response_format"]).ValueKind);
    }

    [Fact]
    public void Parse_PlainNumbersAndBooleans_BecomeJsonNumbersAndBooleans()
    {
        var settings = PromptFile.Parse(SamplePrompts.Classify).ExecutionSettings["default"].ExtensionData!;

        Assert.Equal(JsonValueKind.Number, Json(settings["temperature"]).ValueKind);
        Assert.Equal(200, Json(settings["max_tokens"]).GetInt32());
        var strict = Json(settings["response_format"]).GetProperty("json_schema").GetProperty("strict");
        Assert.Equal(JsonValueKind.True, strict.ValueKind);
    }

    [Fact]
    public void Parse_QuotedScalars_StayStrings()
    {
        var yaml = SamplePrompts.Classify
            .Replace("description: 把居民的话归类", "description: \"1\"", StringComparison.Ordinal)
            .Replace("max_tokens: 200", "max_tokens: '200'\n    seed: \"true\"", StringComparison.Ordinal);

        var config = PromptFile.Parse(yaml);

        Assert.Equal("1", config.Description);
        var settings = config.ExecutionSettings["default"].ExtensionData!;
        Assert.Equal("200", Json(settings["max_tokens"]).GetString());
        Assert.Equal("true", Json(settings["seed"]).GetString());
    }

    [Fact]
    public void Parse_MalformedYaml_ThrowsWithLine()
    {
        var ex = Assert.Throws<PromptFormatException>(() => PromptFile.Parse("name: x\ntemplate: [unclosed\n  - a: b: c"));

        Assert.Contains("YAML 格式错误", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: x\ndescription: y\n")]
    [InlineData("name: x\ntemplate: \"  \"\n")]
    public void Parse_MissingTemplate_Throws(string yaml)
    {
        var ex = Assert.Throws<PromptFormatException>(() => PromptFile.Parse(yaml));

        Assert.Contains("template", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- a\n- b\n")]
    [InlineData("")]
    [InlineData("just text")]
    public void Parse_NotAMapping_Throws(string yaml) =>
        Assert.Throws<PromptFormatException>(() => PromptFile.Parse(yaml));

    [Fact]
    public void Parse_WrongFieldType_ThrowsFieldError()
    {
        var ex = Assert.Throws<PromptFormatException>(() => PromptFile.Parse("template: hi\ninput_variables: 3\n"));

        Assert.Contains("提示词字段无效", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherTemplateFormat_Throws()
    {
        var ex = Assert.Throws<PromptFormatException>(() => PromptFile.Parse("template: hi\ntemplate_format: handlebars\n"));

        Assert.Contains("semantic-kernel", ex.Message, StringComparison.Ordinal);
    }

    private static JsonElement Json(object value) => Assert.IsType<JsonElement>(value);
}
