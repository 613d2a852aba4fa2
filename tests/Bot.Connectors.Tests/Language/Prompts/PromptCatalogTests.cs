using Bot.Connectors.Language.Prompts;
using Bot.TestSupport.Language;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Tests.Language.Prompts;

public sealed class PromptCatalogTests : IDisposable
{
    private readonly PromptTestInstances _instances = new();
    private readonly PromptTestInstances.Instance _one;

    public PromptCatalogTests() => _one = _instances.Create();

    public void Dispose() => _instances.Dispose();

    [Fact]
    public void Defaults_SampleFolder_HasTheFileAsSkillAndName()
    {
        var prompt = Assert.Single(_one.Catalog.Defaults);

        Assert.Equal((SamplePrompts.Id, "test", "classify"), (prompt.Id, prompt.Skill, prompt.Name));
        Assert.Null(_one.Catalog.Find("test", "missing"));
    }

    [Fact]
    public async Task SaveAsync_Valid_NumbersVersionsAndRecordsAuthorNoteAndTime()
    {
        var first = await _one.Catalog.SaveAsync(_one.Prompt, SamplePrompts.Edited("一"), author: null, note: "更简洁", activate: false, CancellationToken.None);
        _instances.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await _one.Catalog.SaveAsync(_one.Prompt, SamplePrompts.Edited("二"), "王五", null, activate: false, CancellationToken.None);

        Assert.Equal((1, 2), (first, second));
        var versions = await _one.Catalog.ListVersionsAsync(_one.Prompt, CancellationToken.None);
        Assert.Equal(("admin", "更简洁", _instances.Clock.GetUtcNow().AddMinutes(-5)), (versions[0].Author, versions[0].Note, versions[0].CreatedAt));
        Assert.Equal("王五", versions[1].Author);
        Assert.Equal(0, (await _one.Catalog.GetActiveAsync(_one.Prompt, CancellationToken.None)).Version);
    }

    [Fact]
    public async Task SaveAsync_Invalid_ThrowsAndStoresNothing()
    {
        var undeclared = SamplePrompts.Edited("x").Replace("小区：{{$compound}}", "小区：{{$compound}}{{$secret}}", StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<PromptFormatException>(() => _one.Catalog.SaveAsync(_one.Prompt, undeclared, null, null, activate: true, CancellationToken.None));
        await Assert.ThrowsAsync<PromptFormatException>(() => _one.Catalog.SaveAsync(_one.Prompt, "template: [", null, null, activate: true, CancellationToken.None));

        Assert.Contains("secret", ex.Message, StringComparison.Ordinal);
        await using var db = await _one.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.PromptVersions.CountAsync());
        Assert.Equal(0, await db.PromptActive.CountAsync());
    }

    [Fact]
    public async Task ActivateAsync_NewerThenOlderThenZero_RollsBack()
    {
        await _one.Catalog.SaveAsync(_one.Prompt, SamplePrompts.Edited("一"), null, null, activate: false, CancellationToken.None);
        await _one.Catalog.SaveAsync(_one.Prompt, SamplePrompts.Edited("二"), null, null, activate: true, CancellationToken.None);
        Assert.Equal(2, (await _one.Source.GetAsync(SamplePrompts.Id, null, CancellationToken.None))!.Version);

        Assert.True(await _one.Catalog.ActivateAsync(_one.Prompt, 1, "李四", CancellationToken.None));
        var older = await _one.Source.GetAsync(SamplePrompts.Id, null, CancellationToken.None);
        Assert.Equal(1, older!.Version);
        Assert.Contains("（一）", older.Content, StringComparison.Ordinal);

        Assert.True(await _one.Catalog.ActivateAsync(_one.Prompt, 0, null, CancellationToken.None));
        var file = await _one.Source.GetAsync(SamplePrompts.Id, null, CancellationToken.None);
        Assert.Equal((0, SamplePrompts.Classify), (file!.Version, file.Content));
    }

    [Fact]
    public async Task ActivateAsync_UnknownVersion_ReturnsFalseAndKeepsActive()
    {
        await _one.Catalog.SaveAsync(_one.Prompt, SamplePrompts.Edited("一"), null, null, activate: true, CancellationToken.None);

        Assert.False(await _one.Catalog.ActivateAsync(_one.Prompt, 7, null, CancellationToken.None));
        Assert.False(await _one.Catalog.ActivateAsync(_one.Prompt, -1, null, CancellationToken.None));
        Assert.Equal(1, (await _one.Catalog.GetActiveAsync(_one.Prompt, CancellationToken.None)).Version);
    }
}
