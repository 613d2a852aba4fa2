using Bot.TestSupport.Language;

namespace Bot.Connectors.Tests.Language.Prompts;

public sealed class PromptSourceTests : IDisposable
{
    private readonly PromptTestInstances _instances = new();

    public void Dispose() => _instances.Dispose();

    [Fact]
    public async Task GetAsync_NothingStored_ReturnsFileAsVersionZero()
    {
        var source = _instances.Create().Source;

        var text = await source.GetAsync(SamplePrompts.Id, null, CancellationToken.None);

        Assert.Equal((SamplePrompts.Id, 0, SamplePrompts.Classify), (text!.PromptId, text.Version, text.Content));
    }

    [Fact]
    public async Task GetAsync_UnknownPromptOrVersion_ReturnsNull()
    {
        var source = _instances.Create().Source;

        Assert.Null(await source.GetAsync("test/missing", null, CancellationToken.None));
        Assert.Null(await source.GetAsync(SamplePrompts.Id, 3, CancellationToken.None));
        Assert.Null(await source.GetAsync(SamplePrompts.Id, -1, CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_GivenVersion_ReturnsItWhateverIsActive()
    {
        var one = _instances.Create();
        await one.Catalog.SaveAsync(one.Prompt, SamplePrompts.Edited("预览"), null, null, activate: false, CancellationToken.None);

        var preview = await one.Source.GetAsync(SamplePrompts.Id, 1, CancellationToken.None);

        Assert.Contains("（预览）", preview!.Content, StringComparison.Ordinal);
        Assert.Equal(0, (await one.Source.GetAsync(SamplePrompts.Id, null, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task GetAsync_ActivatedOnAnotherInstance_SeenOnNextCallWithoutRestart()
    {
        var first = _instances.Create();
        var second = _instances.Create();
        Assert.Equal(0, (await second.Source.GetAsync(SamplePrompts.Id, null, CancellationToken.None))!.Version);

        await first.Catalog.SaveAsync(first.Prompt, SamplePrompts.Edited("新"), "张三", null, activate: true, CancellationToken.None);
        var afterSave = await second.Source.GetAsync(SamplePrompts.Id, null, CancellationToken.None);
        Assert.Equal(1, afterSave!.Version);
        Assert.Contains("（新）", afterSave.Content, StringComparison.Ordinal);

        Assert.True(await second.Catalog.ActivateAsync(second.Prompt, 0, "李四", CancellationToken.None));
        Assert.Equal(0, (await first.Source.GetAsync(SamplePrompts.Id, null, CancellationToken.None))!.Version);
    }
}
