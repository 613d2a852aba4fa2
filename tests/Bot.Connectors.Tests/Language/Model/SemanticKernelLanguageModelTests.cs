using Bot.Skills.Language;
using Bot.TestSupport.Language;

namespace Bot.Connectors.Tests.Language.Model;

public sealed class SemanticKernelLanguageModelTests
{
    [Fact]
    public async Task CompleteAsync_TextPrompt_ReturnsTrimmedAnswer()
    {
        await using var harness = await LanguageModelHarness.StartAsync();
        harness.Server.Enqueue(FakeOpenAiResponse.Content("  您好，社区服务中心周一至周五开放。\n"));

        var reply = await harness.CompleteAsync(LanguageModelHarness.Answer("服务中心几点开门？"));

        Assert.Equal(ModelOutcome.Answered, reply.Outcome);
        Assert.Equal("您好，社区服务中心周一至周五开放。", reply.Text);
    }

    [Fact]
    public async Task CompleteAsync_EmptyTextAnswer_ReturnsInvalidOutput()
    {
        await using var harness = await LanguageModelHarness.StartAsync();
        harness.Server.Enqueue(FakeOpenAiResponse.Content("   "));

        var reply = await harness.CompleteAsync(LanguageModelHarness.Answer("你好"));

        Assert.Equal(ModelOutcome.InvalidOutput, reply.Outcome);
        Assert.Null(reply.Text);
    }

    [Fact]
    public async Task CompleteAsync_StructuredJson_ReturnsObject()
    {
        await using var harness = await LanguageModelHarness.StartAsync();
        harness.Server.Enqueue(FakeOpenAiResponse.Content("""{"category":"noise","confidence":0.9}"""));

        var reply = await harness.CompleteAsync(LanguageModelHarness.Classify("楼上半夜装修"));

        Assert.Equal(ModelOutcome.Answered, reply.Outcome);
        Assert.Equal("""{"category":"noise","confidence":0.9}""", reply.Text);
    }

    [Fact]
    public async Task CompleteAsync_FencedJsonAfterProse_ReturnsInnerObject()
    {
        await using var harness = await LanguageModelHarness.StartAsync();
        harness.Server.Enqueue(FakeOpenAiResponse.Content("结果如下：\n```json\n{\"category\":\"parking\",\"confidence\":0.8}\n```"));

        var reply = await harness.CompleteAsync(LanguageModelHarness.Classify("车位被占"));

        Assert.Equal(ModelOutcome.Answered, reply.Outcome);
        Assert.Equal("{\"category\":\"parking\",\"confidence\":0.8}", reply.Text);
    }

    [Theory]
    [InlineData("不是 JSON")]
    [InlineData("{\"category\":\"noise\",")]
    [InlineData("{\"category\":\"noise\"}")]
    [InlineData("{\"category\":\"fire\",\"confidence\":0.9}")]
    [InlineData("[1,2]")]
    public async Task CompleteAsync_StructuredReplyBreaksSchema_ReturnsInvalidOutput(string content)
    {
        await using var harness = await LanguageModelHarness.StartAsync();
        harness.Server.Enqueue(FakeOpenAiResponse.Content(content));

        var reply = await harness.CompleteAsync(LanguageModelHarness.Classify("楼上半夜装修"));

        Assert.Equal(ModelOutcome.InvalidOutput, reply.Outcome);
        Assert.False(string.IsNullOrEmpty(reply.Detail));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(401)]
    public async Task CompleteAsync_HttpError_ReturnsFailedWithStatus(int status)
    {
        await using var harness = await LanguageModelHarness.StartAsync();
        harness.Server.Enqueue(FakeOpenAiResponse.Status(status));

        var reply = await harness.CompleteAsync(LanguageModelHarness.Answer("你好"));

        Assert.Equal(ModelOutcome.Failed, reply.Outcome);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Detail, StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task CompleteAsync_MalformedBody_ReturnsFailed()
    {
        await using var harness = await LanguageModelHarness.StartAsync();
        harness.Server.Enqueue(FakeOpenAiResponse.Malformed());

        var reply = await harness.CompleteAsync(LanguageModelHarness.Answer("你好"));

        Assert.Equal(ModelOutcome.Failed, reply.Outcome);
    }

    [Fact]
    public async Task CompleteAsync_MissingVariable_ReturnsFailedWithoutRequest()
    {
        await using var harness = await LanguageModelHarness.StartAsync();

        var reply = await harness.CompleteAsync(new PromptCall("complaints/classify", new Dictionary<string, string>()));

        Assert.Equal(ModelOutcome.Failed, reply.Outcome);
        Assert.Contains("text", reply.Detail, StringComparison.Ordinal);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task CompleteAsync_UndeclaredVariable_ReturnsFailedWithoutRequest()
    {
        await using var harness = await LanguageModelHarness.StartAsync();
        var call = new PromptCall("general/answer", new Dictionary<string, string> { ["question"] = "你好", ["extra"] = "x" });

        var reply = await harness.CompleteAsync(call);

        Assert.Equal(ModelOutcome.Failed, reply.Outcome);
        Assert.Contains("extra", reply.Detail, StringComparison.Ordinal);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task CompleteAsync_UnknownPrompt_ReturnsFailedWithoutRequest()
    {
        await using var harness = await LanguageModelHarness.StartAsync();

        var reply = await harness.CompleteAsync(new PromptCall("nothing/here", new Dictionary<string, string>()) { Version = 3 });

        Assert.Equal(ModelOutcome.Failed, reply.Outcome);
        Assert.Equal(("nothing/here", (int?)3), harness.Prompts.Lookups.Single());
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task CompleteAsync_InvalidPromptFile_ReturnsFailedWithoutRequest()
    {
        await using var harness = await LanguageModelHarness.StartAsync();

        var reply = await harness.CompleteAsync(new PromptCall("broken/no-template", new Dictionary<string, string>()));

        Assert.Equal(ModelOutcome.Failed, reply.Outcome);
        Assert.Contains("template", reply.Detail, StringComparison.Ordinal);
        Assert.Empty(harness.Server.Requests);
        Assert.True(harness.Model.IsEnabled);
    }
}
