using Bot.Connectors.Language.Prompts;
using Bot.TestSupport.Language;

namespace Bot.Connectors.Tests.Language.Prompts;

public sealed class PromptVariablesTests
{
    [Fact]
    public void UsedIn_PlainAndFunctionArguments_FindsEachOnceInOrder()
    {
        var used = PromptVariables.UsedIn("{{$a}} {{ $b }} {{fn $c}} {{ns.fn arg=$d other=$a}} {{$a}}");

        Assert.Equal(["a", "b", "c", "d"], used);
    }

    [Fact]
    public void UsedIn_QuotedLiteralsAndTextOutsideBlocks_AreNotVariables()
    {
        var used = PromptVariables.UsedIn("价格 $5 {{fn '$x'}} {{fn \"say $y\" $z}} $outside");

        Assert.Equal(["z"], used);
    }

    [Fact]
    public void Of_ConsistentSample_HasNoErrors()
    {
        var variables = PromptVariables.Of(PromptFile.Parse(SamplePrompts.Classify));

        Assert.True(variables.IsConsistent);
        Assert.Empty(variables.Errors);
    }

    [Fact]
    public void Of_UsedButUndeclared_ListsNamesInChinese()
    {
        var yaml = SamplePrompts.Classify.Replace("小区：{{$compound}}", "小区：{{$compound}} 楼栋：{{$building}} {{fn arg=$room}}", StringComparison.Ordinal);

        var variables = PromptVariables.Of(PromptFile.Parse(yaml));

        Assert.False(variables.IsConsistent);
        Assert.Equal(["building", "room"], variables.Undeclared);
        Assert.Contains("未在 input_variables 中声明的变量：building、room", Assert.Single(variables.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_DeclaredButUnused_ListsNamesInChinese()
    {
        var yaml = SamplePrompts.Classify.Replace("小区：{{$compound}}", "小区：未知", StringComparison.Ordinal);

        var variables = PromptVariables.Of(PromptFile.Parse(yaml));

        Assert.Equal(["compound"], variables.Unused);
        Assert.Contains("声明了模板未使用的变量：compound", Assert.Single(variables.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DifferentVariablesThanDefault_Throws()
    {
        var ex = Assert.Throws<PromptFormatException>(() => PromptCheck.Validate(SamplePrompts.Classify, ["message", "history"]));

        Assert.Contains("缺少默认版本声明的变量：history", ex.Message, StringComparison.Ordinal);
        Assert.Contains("声明了技能不会提供的变量：compound", ex.Message, StringComparison.Ordinal);
    }
}
