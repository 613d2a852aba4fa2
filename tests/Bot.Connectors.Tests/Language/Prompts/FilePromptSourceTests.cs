using Bot.Connectors.Language.Prompts;

namespace Bot.Connectors.Tests.Language.Prompts;

public sealed class FilePromptSourceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "prompts-" + Guid.NewGuid().ToString("N"));

    public FilePromptSourceTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "prompts", "complaints"));
        File.WriteAllText(Path.Combine(_root, "prompts", "complaints", "classify.yaml"), "template: 你好");
    }

    [Fact]
    public async Task GetAsync_ExistingFile_ReturnsVersionZero()
    {
        var prompt = await new FilePromptSource(_root).GetAsync("complaints/classify", null, CancellationToken.None);

        Assert.Equal(new PromptText("complaints/classify", 0, "template: 你好"), prompt);
    }

    [Theory]
    [InlineData("complaints/missing", null)]
    [InlineData("complaints/classify", 1)]
    [InlineData("../complaints/classify", null)]
    [InlineData("complaints", null)]
    public async Task GetAsync_UnknownOrUnsafe_ReturnsNull(string promptId, int? version) =>
        Assert.Null(await new FilePromptSource(_root).GetAsync(promptId, version, CancellationToken.None));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
